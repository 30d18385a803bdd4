// Every status change the workflow allows, and every one it refuses, enforced by the database
// (here as the superuser, so no policy is what refuses them).
import { describe, it, expect } from 'vitest';
import type { Database } from '../../../src/lib/database.types.ts';
import { Constants } from '../../../src/lib/database.types.ts';
import { insertItem, sql } from './fixtures.ts';

type Status = Database['public']['Enums']['feedback_status'];

const ALLOWED: Record<Status, Status[]> = {
	new: ['triaged', 'rejected', 'duplicate'],
	triaged: ['in_progress', 'rejected', 'duplicate'],
	in_progress: ['waiting_client', 'resolved', 'rejected', 'duplicate'],
	waiting_client: ['in_progress', 'rejected', 'duplicate'],
	resolved: ['closed', 'in_progress'],
	closed: [],
	rejected: [],
	duplicate: []
};

const STATUSES = Constants.public.Enums.feedback_status;

// What the target status needs besides itself.
async function moveTo(itemId: string, to: Status, originalId: string) {
	return sql(
		`update public.feedback_items set status = $2, resolution_text = $3, rejection_reason = $4, duplicate_of_id = $5 where id = $1
		returning status, reopen_count`,
		[itemId, to, to === 'resolved' ? 'Resuelto.' : null, to === 'rejected' ? 'No procede.' : null, to === 'duplicate' ? originalId : null]
	);
}

describe('status transitions', () => {
	it('lists exactly the allowed transitions in feedback_status_transitions', async () => {
		const rows = await sql<{ from_status: Status; to_status: Status }>(
			'select from_status, to_status from public.feedback_status_transitions'
		);
		const listed = rows.map((row) => `${row.from_status}>${row.to_status}`).sort();
		const expected = Object.entries(ALLOWED)
			.flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`))
			.sort();
		expect(listed).toEqual(expected);
	});

	for (const from of STATUSES) {
		for (const to of STATUSES) {
			if (from === to) continue;
			const allowed = ALLOWED[from].includes(to);
			it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, async () => {
				const original = await insertItem();
				const item = await insertItem({ status: from });
				if (allowed) {
					const [row] = await moveTo(item, to, original);
					expect(row.status).toBe(to);
					expect(row.reopen_count).toBe(from === 'resolved' && to === 'in_progress' ? 1 : 0);
				} else {
					await expect(moveTo(item, to, original)).rejects.toThrow(`cannot go from ${from} to ${to}`);
				}
			});
		}
	}

	it('needs a resolution text to resolve, a reason to reject and an original (not a duplicate) to merge', async () => {
		const item = await insertItem({ status: 'in_progress' });
		await expect(sql("update public.feedback_items set status = 'resolved' where id = $1", [item])).rejects.toThrow('resolution text');
		await expect(
			sql("update public.feedback_items set status = 'rejected', rejection_reason = '  ' where id = $1", [item])
		).rejects.toThrow('needs a reason');
		await expect(sql("update public.feedback_items set status = 'duplicate' where id = $1", [item])).rejects.toThrow('duplicates');
		const duplicate = await insertItem({ status: 'duplicate' });
		await expect(
			sql("update public.feedback_items set status = 'duplicate', duplicate_of_id = $2 where id = $1", [item, duplicate])
		).rejects.toThrow('not to another duplicate');
	});

	it('records a merge on both timelines', async () => {
		const original = await insertItem();
		const item = await insertItem();
		await sql("update public.feedback_items set status = 'duplicate', duplicate_of_id = $2 where id = $1", [item, original]);
		const [merged] = await sql('select details from public.feedback_item_events where feedback_item_id = $1 and kind = $2', [
			original,
			'merged'
		]);
		expect(merged.details).toMatchObject({ duplicate_id: item });
		const [changed] = await sql(
			'select from_status, to_status, details from public.feedback_item_events where feedback_item_id = $1 and kind = $2',
			[item, 'status_changed']
		);
		expect(changed).toEqual({ from_status: 'new', to_status: 'duplicate', details: { duplicate_of_id: original } });
	});
});
