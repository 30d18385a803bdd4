// The rest of the relationship with one client: its complaints and suggestions with their deadline
// compliance, its satisfaction answers over time, and the latest timeline entries of its items.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';

const OPEN = ['new', 'triaged', 'in_progress', 'waiting_client'];

export async function loadRelationship(supabase: SupabaseClient<Database>, clientId: string) {
	const [items, responses, events] = await Promise.all([
		supabase
			.from('feedback_items')
			.select('id, kind, status, priority, subject, created_at, reopen_count')
			.eq('client_id', clientId)
			.order('created_at', { ascending: false })
			.limit(40),
		supabase
			.from('survey_responses')
			.select('id, created_at, satisfaction_score, is_satisfied')
			.eq('client_id', clientId)
			.order('created_at', { ascending: false })
			.limit(12),
		supabase
			.from('feedback_item_events')
			.select(
				'id, kind, actor_id, occurred_at, from_status, to_status, details, feedback_item_id, item:feedback_items!inner(subject, client_id)'
			)
			.eq('item.client_id', clientId)
			.order('occurred_at', { ascending: false })
			.limit(15)
	]);
	const rows = items.data ?? [];
	// One word per item from the same clock replay the item page explains (feedback_item_deadline_state).
	const states = await Promise.all(rows.map((item) => supabase.rpc('feedback_item_deadline_state', { p_item_id: item.id })));
	const withState = rows.map((item, index) => ({ ...item, deadline: (states[index].data as string | null) ?? null }));
	const past = withState.filter((item) => !OPEN.includes(item.status));
	return {
		openItems: withState.filter((item) => OPEN.includes(item.status)),
		pastItems: past,
		compliance: { met: past.filter((item) => item.deadline === 'met').length, total: past.filter((item) => item.deadline !== null).length },
		responses: responses.data ?? [],
		events: (events.data ?? []).map((event) => ({ ...event, body: null }))
	};
}
