// Everything the item page shows, read as the signed-in staff member (RLS hides what they may not see).
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';

type Client = SupabaseClient<Database>;

export async function loadItem(supabase: Client, id: string) {
	if (!z.uuid().safeParse(id).success) error(404, 'Not found');
	const { data } = await supabase
		.from('feedback_items')
		.select(
			`id, kind, status, priority, category, subject, description, contact_email, contact_phone, client_id, contract_id, assignee_id,
			version, duplicate_of_id, rejection_reason, resolution_text, reopen_count, created_at, resolved_at, resolution_satisfied,
			client:clients(name, account_manager_id), contract:contracts(reference, title)`
		)
		.eq('id', id)
		.maybeSingle();
	if (!data) error(404, 'Not found');
	return data;
}

export type ItemRow = Awaited<ReturnType<typeof loadItem>>;

export type ItemEvent = Database['public']['Tables']['feedback_item_events']['Row'];

/** The timeline (optionally only what happened after an event the reader saw) with message bodies. */
export async function loadTimeline(supabase: Client, itemId: string, afterEventId = 0) {
	const [events, messages] = await Promise.all([
		supabase
			.from('feedback_item_events')
			.select('*')
			.eq('feedback_item_id', itemId)
			.gt('id', afterEventId)
			.order('occurred_at')
			.order('id'),
		supabase.from('feedback_messages').select('id, body, is_public').eq('feedback_item_id', itemId)
	]);
	const bodies = Object.fromEntries((messages.data ?? []).map((message) => [message.id, message.body]));
	return (events.data ?? []).map((event) => ({ ...event, body: event.message_id ? (bodies[event.message_id] ?? null) : null }));
}
