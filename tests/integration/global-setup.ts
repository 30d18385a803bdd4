// Lets `npx vitest` run integration tests alone: starts a throwaway stack
// unless `npm test` (tests/run.ts) already gave one through the environment.
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../../supabase/local/stack.ts';
import { testEnv } from '../stack-env.ts';

export default async function setup() {
	if (process.env.PUBLIC_SUPABASE_URL && process.env.SUPABASE_DB_URL) return;
	const dataDir = await mkdtemp(join(tmpdir(), 'feedback-vitest-'));
	await chmod(dataDir, 0o755);
	const stack = await startStack({ dataDir, apiPort: 0, dbPort: 0 });
	Object.assign(process.env, testEnv(stack));
	return async () => {
		await stack.stop();
		await rm(dataDir, { recursive: true, force: true });
	};
}
