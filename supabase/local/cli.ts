// `npm run dev`, `npm run demo`, `npm run stack` and `npm run db:reset`: the embedded stack, with the app in
// dev mode or as the production build. With the three Supabase variables set, dev and demo use that project
// and nothing local starts. `npm start` (production) is scripts/start.ts, which never starts this stack.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startStack, defaultDataDir, PROJECT_ROOT, type Stack } from './stack.ts';
import { stackEnv } from './env.ts';
import { startNotifyWorker, workerOptionsFromEnv } from '../../src/lib/server/notify/worker.ts';
import { choosePort, missingSupabaseVars, serveBuild, stopTogether, waitUntilAnswering } from '../../scripts/serve-build.ts';

const command = process.argv[2] ?? 'dev';
const DEMO_CAMPAIGN_TOKEN = 'demo-campaign-2026';

function printEnv(env: Record<string, string>) {
	for (const [name, value] of Object.entries(env)) console.log(`${name}=${value}`);
}

async function startLocal(): Promise<Stack> {
	const stack = await startStack({ log: process.env.SUPABASE_LOCAL_VERBOSE ? console.error : undefined });
	console.error(`Local Supabase stack ready in ${Math.round(stack.startMs)} ms (data in ${defaultDataDir()})`);
	return stack;
}

/** The local stack, unless all three Supabase variables point at a project; some but not all is a mistake. */
async function supabaseFor(): Promise<{ stack?: Stack; env: Record<string, string> }> {
	const missing = missingSupabaseVars();
	if (missing.length === 0) return { env: {} };
	if (missing.length < 3) {
		throw new Error(
			`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: set all three Supabase variables, or none for the local stack.`
		);
	}
	const stack = await startLocal();
	return { stack, env: stackEnv(stack) };
}

/** Vite's dev server on 5173 or the next free port (PORT when set, refused by name when taken). */
async function startDev(env: Record<string, string>) {
	const port = await choosePort({ preferred: 5173, host: '127.0.0.1', moveOnWhenTaken: true });
	const appUrl = `http://localhost:${port}`;
	const siteUrl = process.env.PUBLIC_SITE_URL ?? appUrl;
	const vite = join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js');
	const child = spawn(process.execPath, [vite, 'dev', '--port', String(port), '--strictPort'], {
		stdio: 'inherit',
		cwd: PROJECT_ROOT,
		env: { ...process.env, ...env, PUBLIC_SITE_URL: siteUrl }
	});
	await waitUntilAnswering(appUrl, child);
	return { child, appUrl, siteUrl };
}

async function main() {
	if (command === 'reset') {
		await rm(defaultDataDir(), { recursive: true, force: true });
		const stack = await startLocal();
		await stack.stop();
		console.error('Database reset: migrations and seed applied.');
		return;
	}
	if (!['dev', 'demo', 'stack'].includes(command)) throw new Error(`Unknown command "${command}": use dev, demo, stack or reset.`);

	const { stack, env } = await supabaseFor();
	if (command === 'stack') {
		printEnv(env);
		const stop = async () => {
			await stack?.stop();
			process.exit(0);
		};
		process.on('SIGINT', () => void stop());
		process.on('SIGTERM', () => void stop());
		return;
	}
	try {
		const app = command === 'dev' ? await startDev(env) : await serveBuild(env, true);
		const shown: Record<string, string> = { ...env, APP_URL: app.appUrl, PUBLIC_SITE_URL: app.siteUrl };
		// The local seed's campaign link (survey, complaint and suggestion); never in a hosted project.
		if (stack) shown.DEMO_FEEDBACK_URL = `${app.siteUrl}/f/${DEMO_CAMPAIGN_TOKEN}`;
		// The outbox worker beside the app: locally it delivers to the mail catcher (MAIL_UI_URL shows the mail).
		const workerEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PUBLIC_SITE_URL: app.siteUrl };
		const worker = workerEnv.DATABASE_URL && workerEnv.SMTP_URL ? await startNotifyWorker(workerOptionsFromEnv(workerEnv)) : null;
		if (!worker) console.error('No DATABASE_URL and SMTP_URL: the outbox worker is not running, so no mail is sent.');
		printEnv(shown);
		stopTogether(app.child, async () => {
			await worker?.stop();
			await stack?.stop();
		});
	} catch (error) {
		await stack?.stop();
		throw error;
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
