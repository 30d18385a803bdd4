// Full-text search in Spanish with accents folded, over subject, description and messages.
import { describe, it, expect, beforeAll } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { insertItem, logMessage, signedIn } from './fixtures.ts';
import { superuser } from '../env.ts';

let agent: SupabaseClient;
const marker = `zq${randomUUID().slice(0, 8)}`;

async function search(q: string): Promise<string[]> {
	const { data, error } = await agent.rpc('inbox_items', { p_filters: { view: 'all', q } });
	expect(error).toBeNull();
	return (data ?? []).map((row: { id: string }) => row.id);
}

describe('inbox search', () => {
	let billing: string;
	let described: string;
	let messaged: string;
	beforeAll(async () => {
		agent = await signedIn('agent');
		billing = await insertItem({ subject: `Queja sobre la facturación ${marker}` });
		described = await insertItem({ subject: `Pedido ${marker}`, description: 'Los camiones llegaron sin refrigeración al almacén.' });
		messaged = await insertItem({ subject: `Consulta ${marker}` });
		await logMessage(messaged, false, new Date().toISOString());
	});

	it('finds "Queja sobre la facturación" for "queja facturacion", without accents and in capitals', async () => {
		expect(await search(`queja facturacion ${marker}`)).toEqual([billing]);
		expect(await search(`QUEJAS FACTURACIÓN ${marker}`)).toEqual([billing]);
	});

	it('finds words of the description, stemmed', async () => {
		expect(await search(`refrigeracion camion ${marker}`)).toEqual([described]);
	});

	it('finds words of a message', async () => {
		expect(await search(`mensaje ${marker}`)).toEqual([messaged]);
	});

	it('finds nothing for a word none of them has', async () => {
		expect(await search(`aerogenerador ${marker}`)).toEqual([]);
	});

	it('can answer from the search index', async () => {
		const db = await superuser();
		try {
			// With a few hundred rows the planner rightly prefers a scan; forbid it to see the index is usable.
			await db.query('set enable_seqscan = off');
			const { rows } = await db.query(
				"explain select id from public.feedback_items where search_document @@ websearch_to_tsquery('public.spanish_unaccent', 'facturacion')"
			);
			expect(rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('feedback_items_search_idx');
		} finally {
			await db.end();
		}
	});
});
