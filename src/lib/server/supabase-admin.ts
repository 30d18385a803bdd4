// The service-role client: server-side admin tasks only (creating Auth users). Never import from client code.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { env } from '$env/dynamic/private';
import { supabaseUrl } from './supabase-config.ts';
import type { Database } from '$lib/database.types';

export function supabaseAdmin(): SupabaseClient<Database> {
	const key = env.SUPABASE_SERVICE_ROLE_KEY;
	if (!key) throw new Error('SUPABASE_SERVICE_ROLE_KEY is not set');
	return createClient<Database>(supabaseUrl(), key, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}
