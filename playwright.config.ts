import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download its own browsers here: Debian's chromium, overridable.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const appPort = Number(process.env.APP_PORT ?? 4173);
const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	forbidOnly: true,
	reporter: [['list']],
	// Generous: journeys sign in several people, and CI shares 2 cores between the browser, app and database.
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${appPort}`,
		launchOptions: { executablePath, args: chromiumArgs },
		trace: 'off'
	},
	// A journey runs on the viewport that matters for it: `@phone` tests (the client's pages) on the phone only,
	// `@both` on both, untagged ones (the staff portal) on the desktop only.
	projects: [
		{
			name: 'phone',
			grep: /@phone|@both/,
			use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, defaultBrowserType: 'chromium' }
		},
		{
			name: 'desktop',
			grepInvert: /@phone/,
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } }
		}
	],
	// `npm test` passes a fresh stack through the environment, so the production start serves the build on it;
	// alone, `cli.ts demo` serves the build on the local stack.
	webServer: {
		command: process.env.PUBLIC_SUPABASE_URL ? 'node scripts/start.ts' : 'node supabase/local/cli.ts demo',
		url: `http://localhost:${appPort}`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(appPort), ORIGIN: `http://localhost:${appPort}` },
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
