// The inbox's reads, through the caller's own client: RLS decides which items exist for them.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { InboxFilters } from '$lib/triage/inbox-filters';
import { sortsByDeadline } from '$lib/triage/inbox-filters';
import { encodeCursor, type InboxCursor } from './cursor.ts';

export const INBOX_PAGE_SIZE = 50;

export type InboxRow = Database['public']['Functions']['inbox_items']['Returns'][number];
export type InboxCounts = Record<string, number>;

export async function loadInboxPage(supabase: SupabaseClient<Database>, filters: InboxFilters, after: InboxCursor | null) {
	const { data, error } = await supabase.rpc('inbox_items', {
		p_filters: filters,
		p_after: after ?? undefined,
		p_limit: INBOX_PAGE_SIZE + 1
	});
	if (error) console.error('inbox_items', error.code, error.message);
	const rows = (data ?? []).slice(0, INBOX_PAGE_SIZE);
	const last = rows.at(-1);
	const hasMore = (data ?? []).length > INBOX_PAGE_SIZE && last !== undefined;
	const nextCursor = hasMore
		? encodeCursor(
				sortsByDeadline(filters) ? { due_at: last.due_at ?? undefined, id: last.id } : { created_at: last.created_at, id: last.id }
			)
		: null;
	return { rows, nextCursor, failed: error !== null };
}

export async function loadInboxCounts(supabase: SupabaseClient<Database>): Promise<InboxCounts> {
	const { data, error } = await supabase.rpc('inbox_counts', {});
	if (error) console.error('inbox_counts', error.code, error.message);
	return (data as InboxCounts | null) ?? {};
}

/** Active staff, for the assignee filter and the assign menus. */
export async function loadAssignees(supabase: SupabaseClient<Database>) {
	const { data } = await supabase.from('staff_members').select('user_id, full_name').eq('active', true).order('full_name');
	return data ?? [];
}

export async function loadTransitions(supabase: SupabaseClient<Database>) {
	const { data } = await supabase.from('feedback_status_transitions').select('from_status, to_status');
	return data ?? [];
}

/** Every staff member's name by id, active or not, for timelines and the audit trail. */
export async function loadStaffNames(supabase: SupabaseClient<Database>): Promise<Record<string, string>> {
	const { data } = await supabase.from('staff_members').select('user_id, full_name');
	return Object.fromEntries((data ?? []).map((person) => [person.user_id, person.full_name]));
}
