import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { makeTempDataDir, removeDataDir } from '../../supabase/local/throwaway.ts';
import { once } from 'node:events';

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe('crash of the process that started the stack', () => {
	it('leaves no postgres or postgrest behind, even after SIGKILL', async () => {
		const dataDir = await makeTempDataDir('feedback-orphans');
		const owner = spawn(process.execPath, [new URL('./fixtures/stack-then-wait.ts', import.meta.url).pathname, dataDir], {
			stdio: ['ignore', 'pipe', 'inherit']
		});
		try {
			const [line] = (await once(owner.stdout!, 'data')) as [Buffer];
			const { pids } = JSON.parse(String(line)) as { pids: number[] };
			expect(pids).toHaveLength(2);
			expect(pids.every(alive)).toBe(true);

			owner.kill('SIGKILL');
			const deadline = Date.now() + 10_000;
			while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
			expect(pids.filter(alive)).toEqual([]);
		} finally {
			if (owner.exitCode === null) owner.kill('SIGKILL');
			await removeDataDir(dataDir);
		}
	}, 30_000);
});
