// Deadline compliance and reopen rate in the complaint statistics (dashboard and management review):
// each item's clock verdicts, summed by the item rollups, per client so other tests' items stay out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { superuser } from '../env.ts';
import { createClientRow } from './fixtures.ts';

let db: pg.Client;
beforeAll(async () => {
	db = await superuser();
});
afterAll(async () => {
	await db.end();
});

async function complaint(client: string, createdAt: string): Promise<string> {
	const { rows } = await db.query(
		`insert into public.feedback_items (kind, status, category, subject, description, client_id, created_at)
		values ('complaint', 'new', 'delivery', 'Plazo de prueba', 'Descripción de la queja de prueba.', $1, $2) returning id`,
		[client, createdAt]
	);
	return rows[0].id;
}

async function move(id: string, ...statuses: string[]) {
	for (const status of statuses) {
		await db.query(`update public.feedback_items set status = $2, resolution_text = coalesce(resolution_text, 'Resuelta') where id = $1`, [
			id,
			status
		]);
	}
}

async function statistics(client: string) {
	const { rows } = await db.query(`select private.item_statistics('2000-01-01', '2100-01-01', array[$1::uuid]) as figures`, [client]);
	return rows[0].figures as {
		deadlines: Record<'firstResponse' | 'resolution', { met: number; breached: number; value: number | null }>;
		reopened: { items: number; closed: number; value: number | null };
	};
}

describe('deadline compliance and reopen rate', () => {
	it('counts each stopped clock once, as met or breached, and a reopened item once', async () => {
		const client = await createClientRow(db);
		// Answered and resolved a moment after arriving: both clocks met, whatever the hour.
		const quick = await complaint(client, new Date(Date.now() - 60_000).toISOString());
		await move(quick, 'triaged', 'in_progress');
		await db.query(`insert into public.feedback_messages (feedback_item_id, body, is_public) values ($1, 'Ya está en camino.', true)`, [
			quick
		]);
		await move(quick, 'resolved');
		// Two years old: both clocks long breached; one of them reopened, which restarts its clocks.
		const late = await complaint(client, '2024-11-04T10:00:00Z');
		await move(late, 'triaged', 'in_progress', 'resolved');
		const reopened = await complaint(client, '2024-11-05T10:00:00Z');
		await move(reopened, 'triaged', 'in_progress', 'resolved', 'in_progress');
		// Still open, never answered: no verdict yet.
		await complaint(client, '2024-11-06T10:00:00Z');

		expect(await statistics(client)).toMatchObject({
			deadlines: { firstResponse: { met: 1, breached: 1, value: 50 }, resolution: { met: 1, breached: 1, value: 50 } },
			reopened: { items: 1, closed: 3, value: 33.3 }
		});

		// Resolving the reopened one again gives its resolution clock a verdict; the reopen stays counted.
		await move(reopened, 'resolved');
		expect(await statistics(client)).toMatchObject({
			deadlines: { firstResponse: { met: 1, breached: 2 }, resolution: { met: 1, breached: 2 } },
			reopened: { items: 1, closed: 3 }
		});
	});

	it('reads an empty period as no figure, not as 0 %', async () => {
		const figures = await statistics(await createClientRow(db));
		expect(figures.deadlines.firstResponse).toEqual({ met: 0, breached: 0, value: null });
		expect(figures.reopened).toEqual({ items: 0, closed: 0, value: null });
	});
});
