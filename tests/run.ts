// `npm test`: the static gates first (types, lint, format: fast, and nothing else runs if one fails),
// then one fresh embedded stack on free ports for the whole run: the generated-types check,
// unit + integration tests (vitest), a production build, end-to-end tests (Playwright on Debian's Chromium), and
// system tests of that build (tests/system). Stops everything it started, pass or fail.
// `node tests/run.ts gates|vitest|e2e` runs one part; `node tests/run.ts e2e <files…>` runs only those Playwright files.
import { join } from 'node:path';
import { PROJECT_ROOT } from '../supabase/local/stack.ts';
import { startThrowawayStack } from '../supabase/local/throwaway.ts';
import { freePort } from '../supabase/local/ports.ts';
import { testEnv } from './stack-env.ts';
import { runNode, runStaticGates } from './gates.ts';

const bin = (path: string) => join(PROJECT_ROOT, 'node_modules', path);

async function run(label: string, args: string[], env: Record<string, string>): Promise<number> {
	const { code, ms } = await runNode(label, args, env);
	console.log(`--- ${label}: ${code === 0 ? 'ok' : 'FAILED'} in ${(ms / 1000).toFixed(1)} s`);
	return code;
}

async function main(): Promise<number> {
	const only = process.argv[2];
	const e2eFiles = only === 'e2e' ? process.argv.slice(3) : [];
	const failures: string[] = [];
	if (!only || only === 'gates') {
		failures.push(...(await runStaticGates()));
		if (failures.length) {
			console.log(`\nFAILED gates: ${failures.join(', ')} (tests not run)`);
			return 1;
		}
	}
	const { stack, dispose } = await startThrowawayStack('feedback-test');
	console.log(`Test stack ready in ${Math.round(stack.startMs)} ms at ${stack.apiUrl}`);
	const appPort = await freePort();
	const env = { ...testEnv(stack), APP_PORT: String(appPort), PUBLIC_SITE_URL: `http://localhost:${appPort}` };
	try {
		if (!only || only === 'gates') {
			const typesCheck = [join(PROJECT_ROOT, 'scripts/gen-db-types.ts'), '--check'];
			if ((await run('database.types.ts matches the migrations', typesCheck, env)) !== 0) failures.push('db types');
		}
		if (!only || only === 'vitest') {
			if ((await run('unit and integration (vitest)', [bin('vitest/vitest.mjs'), 'run'], env)) !== 0) failures.push('vitest');
		}
		if (!only || only === 'e2e') {
			if ((await run('production build', [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn'], env)) !== 0) failures.push('build');
			else {
				if ((await run('end-to-end (Playwright)', [bin('@playwright/test/cli.js'), 'test', ...e2eFiles], env)) !== 0) failures.push('e2e');
				// Against the same build, each file on a stack of its own: exactly-once under faults, fuzzing, security.
				const system = [bin('vitest/vitest.mjs'), 'run', '--config', 'tests/system/vitest.config.ts'];
				if (!e2eFiles.length && (await run('system (production build: faults, bad input, security)', system, env)) !== 0)
					failures.push('system');
			}
		}
	} finally {
		await dispose();
	}
	console.log(failures.length ? `\nFAILED: ${failures.join(', ')}` : '\nAll test suites passed.');
	return failures.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(error);
		process.exit(1);
	}
);
