// The client the app's server submits the phones' forms with. The database charges an attempt to the
// address the API gateway saw, and only a service_role caller may name another one: to the gateway
// every form post comes from this server, so it names the phone's (supabase/migrations/20261201000110_*).
// Server-only; the key never reaches a browser. One client for the process: it keeps no session.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { supabaseAdmin } from '../supabase-admin.ts';

let client: SupabaseClient<Database> | undefined;

export function submissionClient(): SupabaseClient<Database> {
	return (client ??= supabaseAdmin());
}
