// A throwaway stack plus the production build of the app, for benchmarks that need both.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, type Stack } from '../supabase/local/stack.ts';
import { startThrowawayStack } from '../supabase/local/throwaway.ts';
import { stackEnv } from '../supabase/local/env.ts';
import { freePort } from '../supabase/local/ports.ts';

export interface AppUnderTest {
	stack: Stack;
	appUrl: string;
	app: ChildProcess;
	stop(): Promise<void>;
}

async function waitForHttp(url: string, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await fetch(url).then((r) => r.status < 500, () => false)) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${url} did not answer`);
}

export async function startAppUnderTest(): Promise<AppUnderTest> {
	if (!existsSync(join(PROJECT_ROOT, 'build/index.js'))) throw new Error('No production build: run `npm run build` first.');
	const { stack, dispose } = await startThrowawayStack('feedback-bench-app');
	const port = await freePort();
	const appUrl = `http://localhost:${port}`;
	const app = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/serve.ts')], {
		stdio: 'ignore',
		env: { ...process.env, ...stackEnv(stack), PORT: String(port), ORIGIN: appUrl, PUBLIC_SITE_URL: appUrl }
	});
	await waitForHttp(appUrl, 30_000);
	return {
		stack,
		appUrl,
		app,
		async stop() {
			app.kill('SIGTERM');
			await dispose();
		}
	};
}
