// The account manager of a client, which decides what an account manager may do with its records.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { OwnedByClient } from '$lib/staff/permissions';

export async function clientOwner(supabase: SupabaseClient<Database>, clientId: string): Promise<OwnedByClient | null> {
	const { data } = await supabase.from('clients').select('account_manager_id').eq('id', clientId).maybeSingle();
	return data ? { accountManagerId: data.account_manager_id } : null;
}

/** Clients the caller can see, for a "client" choice. */
export async function listVisibleClients(supabase: SupabaseClient<Database>) {
	const { data } = await supabase.from('clients').select('id, name, account_manager_id').order('name').limit(1000);
	return data ?? [];
}
