// The NAME=value lines a running stack hands to the app, the tests and the person at the terminal.
import type { Stack } from './stack.ts';

export function stackEnv(stack: Stack): Record<string, string> {
	return {
		PUBLIC_SUPABASE_URL: stack.apiUrl,
		PUBLIC_SUPABASE_ANON_KEY: stack.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey
	};
}
