// The NAME=value lines a running stack hands to the app, the tests and the person at the terminal.
import type { Stack } from './stack.ts';

export function stackEnv(stack: Stack): Record<string, string> {
	return {
		PUBLIC_SUPABASE_URL: stack.apiUrl,
		PUBLIC_SUPABASE_ANON_KEY: stack.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
		// The worker's database and mail server: the local mail catcher keeps every message (nothing leaves the machine).
		DATABASE_URL: stack.databaseUrl,
		SMTP_URL: stack.smtpUrl,
		MAIL_UI_URL: stack.mailUiUrl,
		// Where the local Auth server would send its own mail (password recovery), the same catcher.
		SUPABASE_LOCAL_SMTP_URL: stack.smtpUrl
	};
}
