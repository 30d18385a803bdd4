// The static gates `npm test` runs before any test: types, lint and format. `npm run check` and
// `npm run lint` run the same commands for people; this list is the one CI runs.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../supabase/local/stack.ts';

export interface Gate {
	label: string;
	/** A script under node_modules and its arguments, run with this Node. */
	args: string[];
}

const bin = (path: string) => join(PROJECT_ROOT, 'node_modules', path);

export const STATIC_GATES: Gate[] = [
	// Paraglide's output is generated and ignored by git: compile it first so a fresh clone type-checks.
	{
		label: 'paraglide compile',
		args: [
			bin('@inlang/paraglide-js/bin/run.js'),
			'compile',
			'--project',
			'./project.inlang',
			'--outdir',
			'./src/lib/paraglide',
			'--strategy',
			'cookie',
			'baseLocale',
			'--silent'
		]
	},
	{ label: 'svelte-kit sync', args: [bin('@sveltejs/kit/svelte-kit.js'), 'sync'] },
	{
		label: 'svelte-check (0 errors, 0 warnings)',
		args: [bin('svelte-check/bin/svelte-check'), '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']
	},
	{ label: 'tsc (supabase/local, scripts, bench, tests)', args: [bin('typescript/bin/tsc'), '-p', 'tsconfig.tools.json', '--noEmit'] },
	{ label: 'eslint', args: [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0'] },
	{ label: 'prettier --check', args: [bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.'] }
];

/** Runs one Node script to completion; resolves with its exit code and how long it took. */
export function runNode(label: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; ms: number }> {
	console.log(`\n=== ${label}`);
	const started = performance.now();
	return new Promise((resolve) => {
		const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
		child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), ms: Math.round(performance.now() - started) }));
	});
}

/** Runs every static gate (all of them, so one run names every failure); returns the labels that failed. */
export async function runStaticGates(): Promise<string[]> {
	const failed: string[] = [];
	for (const gate of STATIC_GATES) {
		const { code, ms } = await runNode(gate.label, gate.args);
		console.log(`--- ${gate.label}: ${code === 0 ? 'ok' : 'FAILED'} in ${(ms / 1000).toFixed(1)} s`);
		if (code !== 0) failed.push(gate.label);
	}
	return failed;
}
