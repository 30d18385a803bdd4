// The inbox's views, filters and keyset pages; duplicate suggestions; a suggestion documented as a requirement.
import { describe, it, expect, beforeAll } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { CLIENT_OF_ACCOUNT_2, insertItem, signedIn, sql } from './fixtures.ts';

const AGENT = 'a0000000-0000-4000-8000-000000000004';
let agent: SupabaseClient;
let manager: SupabaseClient;

interface Row {
	id: string;
	deadline_state: string | null;
	due_at: string | null;
	created_at: string;
}

async function page(filters: Record<string, string>, after?: Record<string, string>, limit = 50, now?: string): Promise<Row[]> {
	const { data, error } = await agent.rpc('inbox_items', { p_filters: filters, p_after: after, p_limit: limit, p_now: now });
	expect(error).toBeNull();
	return data as Row[];
}

beforeAll(async () => {
	agent = await signedIn('agent');
	manager = await signedIn('manager');
});

describe('inbox views and filters', () => {
	const q = `vista${randomUUID().slice(0, 8)}`;
	const ids = {} as Record<'fresh' | 'mine' | 'waiting' | 'resolved' | 'late' | 'urgent', string>;
	beforeAll(async () => {
		ids.fresh = await insertItem({ subject: `Nueva ${q}` });
		ids.mine = await insertItem({ subject: `Mía ${q}`, status: 'triaged', assigneeId: AGENT });
		ids.waiting = await insertItem({ subject: `Espera ${q}`, status: 'waiting_client', assigneeId: AGENT });
		ids.resolved = await insertItem({ subject: `Resuelta ${q}`, status: 'resolved' });
		ids.late = await insertItem({ subject: `Atrasada ${q}`, createdAt: '2026-03-02T09:00:00+01:00' });
		ids.urgent = await insertItem({ subject: `Urgente ${q}`, priority: 'urgent', kind: 'suggestion', category: 'billing' });
	});

	const view = async (name: string, now?: string) => (await page({ view: name, q }, undefined, 50, now)).map((row) => row.id).sort();

	it('answers each ready-made view', async () => {
		expect(await view('new')).toEqual([ids.fresh, ids.late, ids.urgent].sort());
		expect(await view('mine')).toEqual([ids.mine, ids.waiting].sort());
		expect(await view('unassigned')).toEqual([ids.fresh, ids.late, ids.urgent].sort());
		expect(await view('waiting_client')).toEqual([ids.waiting]);
		expect(await view('awaiting_answer')).toEqual([ids.resolved]);
		expect(await view('overdue')).toEqual([ids.late]);
		expect(await view('open')).toEqual([ids.fresh, ids.mine, ids.waiting, ids.late, ids.urgent].sort());
		expect(await view('all')).toHaveLength(6);
		// On the morning it arrived, the late one was due that evening.
		expect(await view('due_today', '2026-03-02T10:00:00+01:00')).toEqual([ids.late]);
	});

	it('combines filters', async () => {
		const ofKind = await page({ view: 'all', q, kind: 'suggestion', priority: 'urgent', category: 'billing' });
		expect(ofKind.map((row) => row.id)).toEqual([ids.urgent]);
		expect((await page({ view: 'all', q, assignee: 'me', status: 'waiting_client' })).map((row) => row.id)).toEqual([ids.waiting]);
		expect((await page({ view: 'all', q, deadline: 'overdue' })).map((row) => row.id)).toEqual([ids.late]);
		expect((await page({ view: 'all', q, created_from: '2026-03-01', created_to: '2026-03-02' })).map((row) => row.id)).toEqual([ids.late]);
		const paused = await page({ view: 'all', q, status: 'waiting_client' });
		expect(paused[0].deadline_state).toBe('paused');
	});

	it('pages by keyset without gaps or repeats', async () => {
		const first = await page({ view: 'all', q }, undefined, 4);
		expect(first).toHaveLength(4);
		const last = first[3];
		const second = await page({ view: 'all', q }, { created_at: last.created_at, id: last.id }, 4);
		expect(second).toHaveLength(2);
		const all = [...first, ...second].map((row) => row.id);
		expect(new Set(all).size).toBe(6);
	});

	it('counts the views for the caller', async () => {
		const { data } = await agent.rpc('inbox_counts', {});
		expect(data).toMatchObject({ new: expect.any(Number), mine: expect.any(Number), overdue: expect.any(Number) });
		expect(data.mine).toBeGreaterThanOrEqual(2);
		expect(data.awaiting_answer).toBeGreaterThanOrEqual(1);
	});
});

describe('duplicate suggestions', () => {
	it('suggests items of the same client with a similar subject within 14 days', async () => {
		const tag = randomUUID().slice(0, 6);
		const item = await insertItem({ subject: `Factura duplicada de noviembre ${tag}`, clientId: CLIENT_OF_ACCOUNT_2 });
		const similar = await insertItem({ subject: `Otra vez la factura duplicada de noviembre ${tag}`, clientId: CLIENT_OF_ACCOUNT_2 });
		await insertItem({
			subject: `Factura duplicada de noviembre ${tag}`,
			clientId: CLIENT_OF_ACCOUNT_2,
			createdAt: '2025-01-10T10:00:00Z'
		});
		await insertItem({ subject: `Factura duplicada de noviembre ${tag}` });
		const { data } = await agent.rpc('feedback_duplicate_candidates', { p_item_id: item });
		expect(data.map((row: { id: string }) => row.id)).toEqual([similar]);
		expect(data[0].similarity).toBeGreaterThan(0.3);
	});
});

describe('a suggestion documented as a requirement', () => {
	it('creates a requirement of the client that links back, with an event on the timeline', async () => {
		const item = await insertItem({ kind: 'suggestion', subject: 'Avisos por SMS' });
		const { data: requirementId, error } = await manager.rpc('create_requirement_from_feedback', {
			p_item_id: item,
			p_statement: 'Avisar por SMS el día antes de cada visita.',
			p_priority: 'medium'
		});
		expect(error).toBeNull();
		const [requirement] = await sql('select client_id, source, feedback_item_id from public.requirements where id = $1', [requirementId]);
		expect(requirement).toEqual({ client_id: 'c0000000-0000-4000-8000-000000000001', source: 'suggestion', feedback_item_id: item });
		const [event] = await sql(
			"select details from public.feedback_item_events where feedback_item_id = $1 and kind = 'requirement_linked'",
			[item]
		);
		expect(event.details).toEqual({ requirement_id: requirementId });
	});

	it('is refused to an agent, who cannot add requirements', async () => {
		const item = await insertItem({ kind: 'suggestion' });
		const { error } = await agent.rpc('create_requirement_from_feedback', { p_item_id: item, p_statement: 'Algo', p_priority: 'low' });
		expect(error?.code).toBe('42501');
	});
});
