// Automatic assignment per category: round robin among active agents under the open-item cap,
// skipping whoever is absent. Uses the category 'communication', which no other triage test files under.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type pg from 'pg';
import { createTestUser, deleteTestUsers, enrolStaff, type TestUser } from '../actors.ts';
import { superuser } from '../env.ts';
import { insertItem, sql } from './fixtures.ts';

let db: pg.Client;
const agents: TestUser[] = [];

async function assigneeOfNew(): Promise<string | null> {
	const id = await insertItem({ category: 'communication' });
	const [row] = await sql<{ assignee_id: string | null }>('select assignee_id from public.feedback_items where id = $1', [id]);
	return row.assignee_id;
}

beforeAll(async () => {
	db = await superuser();
	// Only this file's agents take part: the demo agent is marked absent while it runs.
	for (const label of ['rr-a', 'rr-b', 'rr-c']) {
		const user = await createTestUser(label);
		await enrolStaff(db, user, 'agent');
		agents.push(user);
	}
	await db.query(
		`insert into public.staff_availability (user_id, is_absent)
		select user_id, true from public.staff_members where role = 'agent' and not (user_id = any ($1::uuid[]))
		on conflict (user_id) do update set is_absent = true`,
		[agents.map((agent) => agent.id)]
	);
	await db.query("update public.triage_settings set auto_assign_categories = '{communication}', auto_assign_open_cap = 2");
});

afterAll(async () => {
	await db.query("update public.triage_settings set auto_assign_categories = '{}', auto_assign_open_cap = 10");
	await db.query(
		"update public.staff_availability set is_absent = false where user_id in (select user_id from public.staff_members where role = 'agent')"
	);
	await db.end();
	await deleteTestUsers(agents);
});

describe('automatic assignment', () => {
	it('takes turns, skips the absent and stops at the cap', async () => {
		await db.query(
			'insert into public.staff_availability (user_id, is_absent) values ($1, true) on conflict (user_id) do update set is_absent = true',
			[agents[2].id]
		);
		const first = [await assigneeOfNew(), await assigneeOfNew()];
		expect(new Set(first)).toEqual(new Set([agents[0].id, agents[1].id]));
		const second = [await assigneeOfNew(), await assigneeOfNew()];
		expect(second).toEqual(first);
		// Both present agents now hold two open items: the cap leaves the next one unassigned.
		expect(await assigneeOfNew()).toBeNull();
		const [event] = await sql(
			"select details from public.feedback_item_events where kind = 'assigned' and details -> 'assignee' ->> 'to' = $1 limit 1",
			[agents[0].id]
		);
		expect(event.details).toMatchObject({ automatic: true });
	});

	it('leaves other categories alone', async () => {
		const id = await insertItem({ category: 'product' });
		const [row] = await sql('select assignee_id from public.feedback_items where id = $1', [id]);
		expect(row.assignee_id).toBeNull();
	});
});
