// A process that starts a stack must keep its exit code: vitest sets process.exitCode = 1 on a failing
// test and lets the process end, and an exit hook answering with process.exit(0) once hid every failure.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const exitCodeAfterImport = (module: string, code: number) =>
	spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(module)}); process.exitCode = ${code};`], {
		cwd: process.cwd(),
		encoding: 'utf8'
	}).status;

describe('the exit code of a process that loads the embedded stack', () => {
	it.each([1, 3])('stays %i after importing the Postgres module', (code) => {
		expect(exitCodeAfterImport('./supabase/local/postgres.ts', code)).toBe(code);
	});

	it('stays 1 after importing the whole stack', () => {
		expect(exitCodeAfterImport('./supabase/local/stack.ts', 1)).toBe(1);
	});
});
