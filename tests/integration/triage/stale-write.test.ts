// Optimistic concurrency on feedback_items.version: a write made on an old version changes nothing.
import { describe, it, expect, beforeAll } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { insertItem, signedIn, sql } from './fixtures.ts';

let agent: SupabaseClient;
let quality: SupabaseClient;

beforeAll(async () => {
	agent = await signedIn('agent');
	quality = await signedIn('quality');
});

describe('the stale-write guard', () => {
	it('lets the first writer win and gives the second nothing to update', async () => {
		const item = await insertItem();
		const first = await agent.from('feedback_items').update({ priority: 'high' }).eq('id', item).eq('version', 1).select('version');
		expect(first.data).toEqual([{ version: 2 }]);
		const second = await quality.from('feedback_items').update({ priority: 'low' }).eq('id', item).eq('version', 1).select('version');
		expect(second.data).toEqual([]);
		const [row] = await sql('select priority, version from public.feedback_items where id = $1', [item]);
		expect(row).toEqual({ priority: 'high', version: 2 });
	});

	it('refuses a reply written on an old version, and bumps the version on a reply', async () => {
		const item = await insertItem();
		await agent.from('feedback_items').update({ assignee_id: 'a0000000-0000-4000-8000-000000000004' }).eq('id', item);
		const stale = await quality.rpc('add_feedback_message', {
			p_item_id: item,
			p_body: 'Respuesta',
			p_is_public: true,
			p_expected_version: 1
		});
		expect(stale.data).toEqual({ outcome: 'stale', version: 2 });
		expect(await sql('select id from public.feedback_messages where feedback_item_id = $1', [item])).toEqual([]);

		const sent = await quality.rpc('add_feedback_message', {
			p_item_id: item,
			p_body: '  Respuesta  ',
			p_is_public: true,
			p_expected_version: 2
		});
		expect(sent.data).toEqual({ outcome: 'ok', version: 3 });
		const messages = await sql('select body, is_public, author_id from public.feedback_messages where feedback_item_id = $1', [item]);
		expect(messages).toEqual([{ body: 'Respuesta', is_public: true, author_id: 'a0000000-0000-4000-8000-000000000003' }]);
		const kinds = await sql('select kind from public.feedback_item_events where feedback_item_id = $1 order by id', [item]);
		expect(kinds.map((row) => row.kind)).toEqual(['created', 'assigned', 'public_reply']);
	});

	it('does not bump the version for a write that changes nothing the staff see', async () => {
		const item = await insertItem();
		await agent.from('feedback_items').update({ priority: 'normal' }).eq('id', item);
		const [row] = await sql('select version from public.feedback_items where id = $1', [item]);
		expect(row.version).toBe(1);
	});
});
