// The variables a test process needs to reach a running stack: the app's three,
// plus the superuser URL and JWT secret that only tests use (to forge bad tokens, inspect rows).
import type { Stack } from '../supabase/local/stack.ts';
import { stackEnv } from '../supabase/local/env.ts';

export function testEnv(stack: Stack): Record<string, string> {
	return { ...stackEnv(stack), SUPABASE_DB_URL: stack.dbUrl, SUPABASE_JWT_SECRET: stack.jwtSecret };
}
