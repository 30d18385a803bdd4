// The corrective-action plans' daily check, with a fixed clock: a plan whose verification date has come is
// mailed once per due date to its owner and the quality and manager staff. Outbox rows only: the mail
// itself is rendered in the unit tests, and no worker runs here (outbox.test.ts owns the queue's workers).
import { describe, it, expect } from 'vitest';
import { demoStaff } from '../actors.ts';
import { addAction, insertItem, insertPlan, newClient, planWithActionsDone, sql } from '../actions/fixtures.ts';

const DAY = 86_400_000;

async function notices(planId: string): Promise<string[]> {
	const rows = await sql<{ recipient: string }>(
		`select recipient from private.outbox where kind = 'staff_plan_verification_due' and payload ->> 'planId' = $1 order by recipient`,
		[planId]
	);
	return rows.map((row) => row.recipient);
}

describe('plans due for verification', () => {
	it('are mailed once their date has come, once per due date, to the owner and quality and managers', async () => {
		// Actions done 100 days ago with the default 90-day window: verification was due 10 days ago.
		const plan = await planWithActionsDone([await insertItem({ clientId: await newClient() })], 100);
		await sql('select private.enqueue_plan_verification_notices($1)', [new Date(Date.now() - 20 * DAY).toISOString()]);
		expect(await notices(plan)).toEqual([]);

		await sql('select private.enqueue_plan_verification_notices($1)', [new Date().toISOString()]);
		await sql('select private.enqueue_plan_verification_notices($1)', [new Date(Date.now() + DAY).toISOString()]);
		const [owner] = await sql<{ email: string }>(
			'select staff.email from public.staff_members as staff join public.action_plans as plan on plan.owner_id = staff.user_id where plan.id = $1',
			[plan]
		);
		const expected = await sql<{ email: string }>(
			`select email from public.staff_members where active and (role in ('quality', 'manager') or email = $1) order by email`,
			[owner.email]
		);
		expect(await notices(plan)).toEqual(expected.map((row) => row.email));
		expect(await notices(plan)).toContain(demoStaff.manager.email);
	});

	it('leave plans alone whose actions are not done', async () => {
		const plan = await insertPlan({ items: [await insertItem({ clientId: await newClient() })] });
		await addAction(plan, false);
		await sql('select private.enqueue_plan_verification_notices($1)', [new Date(Date.now() + 400 * DAY).toISOString()]);
		expect(await notices(plan)).toEqual([]);
	});
});
