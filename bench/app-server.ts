// A throwaway stack plus the production build of the app, for benchmarks that need both.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, type Stack } from '../supabase/local/stack.ts';
import { startThrowawayStack } from '../supabase/local/throwaway.ts';
import { stackEnv } from '../supabase/local/env.ts';
import { freePort } from '../supabase/local/ports.ts';
import { SERVER_NODE_FLAGS } from '../scripts/serve-build.ts';

export interface AppUnderTest {
	stack: Stack;
	appUrl: string;
	app: ChildProcess;
	/** Everything the app wrote to stdout and stderr, and the stack's own log (supervisor lines). */
	output: string[];
	stop(): Promise<void>;
}

async function waitForHttp(url: string, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (
			await fetch(url).then(
				(r) => r.status < 500,
				() => false
			)
		)
			return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${url} did not answer`);
}

export async function startAppUnderTest(prefix = 'feedback-bench-app'): Promise<AppUnderTest> {
	if (!existsSync(join(PROJECT_ROOT, 'build/index.js'))) throw new Error('No production build: run `npm run build` first.');
	const output: string[] = [];
	const { stack, dispose } = await startThrowawayStack(prefix, { log: (line) => output.push(line) });
	const port = await freePort();
	const appUrl = `http://localhost:${port}`;
	// The production server's own flags, so the figures are those of `npm start`.
	const app = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(PROJECT_ROOT, 'scripts/serve.ts')], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, ...stackEnv(stack), PORT: String(port), ORIGIN: appUrl, PUBLIC_SITE_URL: appUrl }
	});
	app.stdout?.on('data', (chunk) => output.push(String(chunk)));
	app.stderr?.on('data', (chunk) => output.push(String(chunk)));
	await waitForHttp(appUrl, 30_000);
	return {
		stack,
		appUrl,
		app,
		output,
		async stop() {
			app.kill('SIGTERM');
			await dispose();
		}
	};
}
