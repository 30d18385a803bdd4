// The scheduled check of corrective action plans, run on page load: which are due for verification.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';

export async function loadPlanCounts(supabase: SupabaseClient<Database>) {
	const { data } = await supabase.rpc('action_plan_counts', {});
	return (data ?? null) as { verification_due: number; overdue_actions: number } | null;
}
