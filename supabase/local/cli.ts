// `npm run dev`, `npm start`, `npm run stack` and `npm run db:reset`.
// With the three Supabase variables set, the app uses that project and nothing local starts.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startStack, defaultDataDir, PROJECT_ROOT, type Stack } from './stack.ts';
import { stackEnv } from './env.ts';

const command = process.argv[2] ?? 'dev';
const DEMO_CAMPAIGN_TOKEN = 'demo-campaign-2026';
const SUPABASE_VARS = ['PUBLIC_SUPABASE_URL', 'PUBLIC_SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY'] as const;

function usesExternalSupabase(): boolean {
	return SUPABASE_VARS.every((name) => Boolean(process.env[name]));
}

function printEnv(env: Record<string, string>) {
	for (const [name, value] of Object.entries(env)) console.log(`${name}=${value}`);
}

async function startLocal(): Promise<Stack> {
	const stack = await startStack({ log: process.env.SUPABASE_LOCAL_VERBOSE ? console.error : undefined });
	console.error(`Local Supabase stack ready in ${Math.round(stack.startMs)} ms (data in ${defaultDataDir()})`);
	return stack;
}

function runApp(args: string[], env: Record<string, string>): ChildProcess {
	return spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env }, cwd: PROJECT_ROOT });
}

async function main() {
	if (command === 'reset') {
		await rm(defaultDataDir(), { recursive: true, force: true });
		const stack = await startLocal();
		await stack.stop();
		console.error('Database reset: migrations and seed applied.');
		return;
	}

	let stack: Stack | undefined;
	const env: Record<string, string> = {};
	if (!usesExternalSupabase()) {
		stack = await startLocal();
		Object.assign(env, stackEnv(stack));
	}

	let app: ChildProcess | undefined;
	const port = process.env.PORT ?? (command === 'dev' ? '5173' : '3000');
	const siteUrl = process.env.PUBLIC_SITE_URL ?? `http://localhost:${port}`;
	if (command === 'dev') {
		app = runApp([join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'), 'dev', '--port', port, '--strictPort'], { ...env, PUBLIC_SITE_URL: siteUrl });
	} else if (command === 'start') {
		if (!existsSync(join(PROJECT_ROOT, 'build/index.js'))) throw new Error('No production build: run `npm run build` first.');
		// scripts/serve.ts wraps build/handler.js so that every response carries the security headers.
		app = runApp([join(PROJECT_ROOT, 'scripts/serve.ts')], { ...env, PORT: port, ORIGIN: process.env.ORIGIN ?? siteUrl, PUBLIC_SITE_URL: siteUrl });
	}
	if (app) {
		env.APP_URL = siteUrl;
		env.PUBLIC_SITE_URL = siteUrl;
		// The local seed's campaign link (survey, complaint and suggestion); never in a hosted project.
		if (stack) env.DEMO_FEEDBACK_URL = `${siteUrl}/f/${DEMO_CAMPAIGN_TOKEN}`;
	}
	printEnv(env);

	let stopping = false;
	const shutdown = async (code: number) => {
		if (stopping) return;
		stopping = true;
		if (app && app.exitCode === null) {
			app.kill('SIGTERM');
			await new Promise((resolve) => app!.once('exit', resolve));
		}
		await stack?.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));
	app?.on('exit', (code) => void shutdown(code ?? 0));
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
