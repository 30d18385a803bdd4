// Items the triage tests own, made with the superuser connection at a chosen time (the deadline clocks
// replay events, so a test fixes the clock by choosing created_at and each event's occurred_at).
import type { Database } from '../../../src/lib/database.types.ts';
import { CLIENT_OF_ACCOUNT, sql } from '../feedback/fixtures.ts';

export { CLIENT_OF_ACCOUNT, CLIENT_OF_ACCOUNT_2, signedIn, sql } from '../feedback/fixtures.ts';

type Status = Database['public']['Enums']['feedback_status'];
type Priority = Database['public']['Enums']['feedback_priority'];

export interface ItemOptions {
	status?: Status;
	priority?: Priority;
	kind?: 'complaint' | 'suggestion';
	category?: string;
	subject?: string;
	description?: string;
	clientId?: string | null;
	createdAt?: string;
	assigneeId?: string | null;
}

export async function insertItem(options: ItemOptions = {}): Promise<string> {
	const [row] = await sql<{ id: string }>(
		`insert into public.feedback_items (kind, status, priority, category, subject, description, client_id, created_at, assignee_id)
		values ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, now()), $9) returning id`,
		[
			options.kind ?? 'complaint',
			options.status ?? 'new',
			options.priority ?? 'normal',
			options.category ?? 'service',
			options.subject ?? 'Incidencia de prueba',
			options.description ?? 'Descripción de la incidencia de prueba.',
			options.clientId === undefined ? CLIENT_OF_ACCOUNT : options.clientId,
			options.createdAt ?? null,
			options.assigneeId ?? null
		]
	);
	return row.id;
}

/** A status change recorded at a chosen instant, straight into the log (what the trigger writes at now()). */
export async function logStatus(itemId: string, from: Status, to: Status, at: string): Promise<void> {
	await sql(
		`insert into public.feedback_item_events (feedback_item_id, kind, from_status, to_status, occurred_at)
		values ($1, 'status_changed', $2, $3, $4)`,
		[itemId, from, to, at]
	);
}

/** A message at a chosen instant (its trigger logs public_reply or internal_note at that instant). */
export async function logMessage(itemId: string, isPublic: boolean, at: string): Promise<void> {
	await sql(
		`insert into public.feedback_messages (feedback_item_id, body, is_public, author_id, created_at)
		values ($1, 'Mensaje de prueba', $2, 'a0000000-0000-4000-8000-000000000004', $3)`,
		[itemId, isPublic, at]
	);
}

export interface Clock {
	clock: string;
	state: string;
	target_minutes: number;
	elapsed_minutes: string;
	remaining_minutes: string;
	paused_minutes: string;
	due_at: Date | null;
	breached_at: Date | null;
	stopped_at: Date | null;
}

export async function clocks(itemId: string, now: string): Promise<Record<string, Clock>> {
	const rows = await sql<Clock & Record<string, unknown>>('select * from public.feedback_item_deadlines($1, $2)', [itemId, now]);
	return Object.fromEntries(rows.map((row) => [row.clock, row]));
}
