// Stacks that live for one test run, benchmark or script, in a temporary data folder removed afterwards.
import { mkdtemp, chmod, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type Stack, type StackOptions } from './stack.ts';

/** A new empty data folder; mkdtemp makes it 0700, and the postgres OS user must reach its pgdata inside. */
export async function makeTempDataDir(prefix: string): Promise<string> {
	const dataDir = await mkdtemp(join(tmpdir(), `${prefix}-`));
	await chmod(dataDir, 0o755);
	return dataDir;
}

export async function removeDataDir(dataDir: string): Promise<void> {
	await rm(dataDir, { recursive: true, force: true });
}

export interface ThrowawayStack {
	stack: Stack;
	/** Stops the stack and removes its data folder. */
	dispose(): Promise<void>;
}

/** A fresh stack on free ports, with its own temporary data folder. */
export async function startThrowawayStack(prefix: string, options: Omit<StackOptions, 'dataDir'> = {}): Promise<ThrowawayStack> {
	const dataDir = await makeTempDataDir(prefix);
	try {
		const stack = await startStack({ apiPort: 0, dbPort: 0, ...options, dataDir });
		return {
			stack,
			async dispose() {
				await stack.stop();
				await removeDataDir(dataDir);
			}
		};
	} catch (error) {
		await removeDataDir(dataDir);
		throw error;
	}
}
