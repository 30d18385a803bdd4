// initdb reads the superuser password from a file; while it exists, no other local user may read it.
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startPostgres } from '../../supabase/local/postgres.ts';
import { freePort } from '../../supabase/local/ports.ts';
import { makeTempDataDir, removeDataDir } from '../../supabase/local/throwaway.ts';

const run = promisify(execFile);

/** True when the unprivileged `nobody` can read the file (as another local user could). */
async function nobodyCanRead(path: string): Promise<boolean> {
	return run('runuser', ['-u', 'nobody', '--', 'cat', path]).then(
		() => true,
		() => false
	);
}

describe('the superuser password during a fresh init', () => {
	it.runIf(process.getuid?.() === 0)('is never readable by another local user', async () => {
		const dataDir = await makeTempDataDir('feedback-pwfile');
		// A temp folder as open as /tmp, of this test's own, so other processes' files do not count.
		const sharedTmp = await makeTempDataDir('feedback-pwfile-tmp');
		const previousTmp = process.env.TMPDIR;
		process.env.TMPDIR = sharedTmp;
		const places = [tmpdir(), join(dataDir, '.initdb-tmp')];
		const seen = new Map<string, boolean>();
		let starting = true;
		// Poll while initdb runs (it takes far longer than one round of this loop).
		const watcher = (async () => {
			while (starting) {
				for (const place of places) {
					const names = await readdir(place).catch(() => [] as string[]);
					for (const name of names.filter((entry) => entry.startsWith('pg-password-'))) {
						const path = join(place, name);
						if (!seen.has(path)) seen.set(path, await nobodyCanRead(path));
					}
				}
				await new Promise((resolve) => setImmediate(resolve));
			}
		})();
		try {
			const server = await startPostgres({ dataDir, port: await freePort(), host: '127.0.0.1', password: 'not-for-others' });
			await server.stop();
		} finally {
			starting = false;
			await watcher;
			if (previousTmp === undefined) delete process.env.TMPDIR;
			else process.env.TMPDIR = previousTmp;
			await Promise.all([removeDataDir(dataDir), removeDataDir(sharedTmp)]);
		}
		// The file was seen (so the check ran), and nobody could read it.
		expect(seen.size).toBeGreaterThan(0);
		expect([...seen.values()]).toEqual([...seen.keys()].map(() => false));
	});
});
