// Active account managers, for the "account manager" choice on a client.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';

export async function listAccountManagers(supabase: SupabaseClient<Database>) {
	const { data } = await supabase
		.from('staff_members')
		.select('user_id, full_name')
		.eq('role', 'account_manager')
		.eq('active', true)
		.order('full_name');
	return data ?? [];
}
