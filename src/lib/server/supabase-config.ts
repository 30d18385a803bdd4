// Where the app finds its Supabase project, read at run time so one build serves any project.
import { env } from '$env/dynamic/public';

export function supabaseUrl(): string {
	const url = env.PUBLIC_SUPABASE_URL;
	if (!url) throw new Error('PUBLIC_SUPABASE_URL is not set');
	return url;
}

export function supabaseAnonKey(): string {
	const key = env.PUBLIC_SUPABASE_ANON_KEY;
	if (!key) throw new Error('PUBLIC_SUPABASE_ANON_KEY is not set');
	return key;
}
