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
	// `npm test` passes a fresh stack through the environment; alone, cli.ts starts the local one.
	webServer: {
		command: 'node supabase/local/cli.ts start',
		url: `http://localhost:${appPort}`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(appPort), ORIGIN: `http://localhost:${appPort}` },
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
