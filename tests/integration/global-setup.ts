// Lets `npx vitest` run integration tests alone: starts a throwaway stack
// unless `npm test` (tests/run.ts) already gave one through the environment.
import { startThrowawayStack } from '../../supabase/local/throwaway.ts';
import { testEnv } from '../stack-env.ts';

export default async function setup() {
	if (process.env.PUBLIC_SUPABASE_URL && process.env.SUPABASE_DB_URL) return;
	const { stack, dispose } = await startThrowawayStack('feedback-vitest');
	Object.assign(process.env, testEnv(stack));
	return dispose;
}
