// The effectiveness check computed from later data, at a fixed clock (p_now) on fixtures.
import { describe, it, expect } from 'vitest';
import { addAction, backdate, insertItem, insertPlan, newClient, planWithActionsDone, signedIn, sql } from './fixtures.ts';

const DAY = 86_400_000;

async function doneAt(plan: string): Promise<number> {
	const [row] = await sql<{ done: string }>('select actions_done_at as done from public.action_plans where id = $1', [plan]);
	return new Date(row.done).getTime();
}

async function check(plan: string, now: number) {
	const [row] = await sql<{ check: Record<string, unknown> }>('select private.action_plan_check($1, $2) as check', [
		plan,
		new Date(now).toISOString()
	]);
	return row.check;
}

describe('no repeat complaint within N days', () => {
	it('a repeat complaint of the same category and client inside the window makes it fail', async () => {
		const client = await newClient();
		const plan = await planWithActionsDone([await insertItem({ category: 'billing', clientId: client })], 200);
		const done = await doneAt(plan);
		const repeat = await insertItem({ category: 'billing', clientId: client, createdAt: new Date(done + 40 * DAY).toISOString() });
		const result = await check(plan, done + 91 * DAY);
		expect(result).toMatchObject({ kind: 'no_repeat_complaint', result: 'fail', repeat_ids: [repeat], categories: ['billing'] });
	});

	it('one outside the window, of another category or of another client does not', async () => {
		const client = await newClient();
		const plan = await planWithActionsDone([await insertItem({ category: 'billing', clientId: client })], 200);
		const done = await doneAt(plan);
		await insertItem({ category: 'billing', clientId: client, createdAt: new Date(done + 95 * DAY).toISOString() });
		await insertItem({ category: 'billing', clientId: client, createdAt: new Date(done - 2 * DAY).toISOString() });
		await insertItem({ category: 'delivery', clientId: client, createdAt: new Date(done + 10 * DAY).toISOString() });
		await insertItem({ category: 'billing', clientId: await newClient(), createdAt: new Date(done + 10 * DAY).toISOString() });
		expect(await check(plan, done + 120 * DAY)).toMatchObject({ result: 'pass', repeat_ids: [] });
	});

	it('is pending while the window is open and nothing repeated, and counts only what happened by p_now', async () => {
		const client = await newClient();
		const plan = await planWithActionsDone([await insertItem({ category: 'service', clientId: client })], 200);
		const done = await doneAt(plan);
		await insertItem({ category: 'service', clientId: client, createdAt: new Date(done + 50 * DAY).toISOString() });
		expect(await check(plan, done + 30 * DAY)).toMatchObject({ result: 'pending' });
		expect(await check(plan, done + 60 * DAY)).toMatchObject({ result: 'fail' });
	});

	it("follows the plan's window length", async () => {
		const client = await newClient();
		const plan = await planWithActionsDone([await insertItem({ category: 'service', clientId: client })], 200);
		await sql('update public.action_plans set check_window_days = 30 where id = $1', [plan]);
		const done = await doneAt(plan);
		await insertItem({ category: 'service', clientId: client, createdAt: new Date(done + 45 * DAY).toISOString() });
		expect(await check(plan, done + 60 * DAY)).toMatchObject({ result: 'pass' });
		const [row] = await sql<{ due: string }>(
			`select to_char(verification_due_on, 'YYYY-MM-DD') as due from public.action_plans where id = $1`,
			[plan]
		);
		expect(row.due).toBe(new Date(done + 30 * DAY).toISOString().slice(0, 10));
	});

	it('is not started before the actions are done', async () => {
		const [plan] = await sql<{ id: string }>(
			`insert into public.action_plans (title, owner_id, origins) values ('Sin hacer', $1, '{complaint}') returning id`,
			['a0000000-0000-4000-8000-000000000003']
		);
		expect(await check(plan.id, Date.now())).toMatchObject({ result: 'not_started' });
	});
});

// Quarters of 2000 hold no other test's data (the targets start then: CCT 95 %, SC 85 %).
async function contractsDueIn(quarterDay: string, fulfilled: number, late: number): Promise<void> {
	const client = await newClient();
	await sql(
		`insert into public.contracts (client_id, reference, title, start_date, due_date, delivered_at, conformity)
		select $1, 'IND-' || gen_random_uuid(), 'Contrato del indicador', $2::date - 30, $2::date,
			case when n <= $3::integer then $2::date - 2 else $2::date + 10 end, 'accepted'
		from generate_series(1, $3::integer + $4::integer) as n`,
		[client, quarterDay, fulfilled, late]
	);
}

/** A plan checked by the next quarter's indicator, whose actions were done in the quarter before `quarter`. */
async function indicatorPlan(indicator: 'cct' | 'sc', doneOn: string): Promise<string> {
	const plan = await insertPlan();
	await sql(
		`update public.action_plans set check_kind = 'indicator_next_quarter', indicator = $2, indicator_quarter = '2000-01-01',
			origins = '{indicator}' where id = $1`,
		[plan, indicator]
	);
	await addAction(plan);
	await sql(`update public.action_plans set status = 'actions_done' where id = $1`, [plan]);
	await backdate(plan, Math.round((Date.now() - new Date(`${doneOn}T12:00:00Z`).getTime()) / DAY));
	return plan;
}

describe("the next quarter's indicator meets its target", () => {
	it('reads the quarter as the dashboard judges it: met, not met, or left to a person', async () => {
		await contractsDueIn('2000-05-15', 120, 0);
		await contractsDueIn('2000-08-15', 3, 7);
		const met = await sql<{ met: boolean | null }>('select private.action_plan_indicator_met($1, $2) as met', ['cct', '2000-04-01']);
		const notMet = await sql<{ met: boolean | null }>('select private.action_plan_indicator_met($1, $2) as met', ['cct', '2000-07-01']);
		const noData = await sql<{ met: boolean | null }>('select private.action_plan_indicator_met($1, $2) as met', ['sc', '2000-10-01']);
		expect([met[0].met, notMet[0].met, noData[0].met]).toEqual([true, false, null]);
	});

	it("gives a plan's check pass, fail or inconclusive once the next quarter has ended", async () => {
		await contractsDueIn('2000-05-20', 120, 0);
		await contractsDueIn('2000-08-20', 3, 7);
		const passes = await indicatorPlan('cct', '2000-02-15');
		const fails = await indicatorPlan('cct', '2000-05-15');
		const unknown = await indicatorPlan('sc', '2000-08-15');
		expect(await check(passes, Date.parse('2000-06-30T12:00:00Z'))).toMatchObject({ result: 'pending', quarter: '2000-04-01' });
		expect(await check(passes, Date.now())).toMatchObject({ kind: 'indicator_next_quarter', result: 'pass', quarter: '2000-04-01' });
		expect(await check(fails, Date.now())).toMatchObject({ result: 'fail', quarter: '2000-07-01' });
		expect(await check(unknown, Date.now())).toMatchObject({ result: 'inconclusive', quarter: '2000-10-01' });
	});
});

describe('verification due', () => {
	it('shows in the counts and the list once the due date is reached, by the p_now given', async () => {
		const plan = await planWithActionsDone([await insertItem({ clientId: await newClient() })], 100);
		const manager = await signedIn('manager');
		const now = new Date().toISOString();
		const page = await manager.rpc('action_plans_page', { p_verification_due: true, p_limit: 100, p_now: now });
		expect(page.data?.map((row: { id: string }) => row.id)).toContain(plan);
		const before = await manager.rpc('action_plans_page', {
			p_verification_due: true,
			p_limit: 100,
			p_now: new Date(Date.now() - 20 * DAY).toISOString()
		});
		expect(before.data?.map((row: { id: string }) => row.id)).not.toContain(plan);
		const counts = await manager.rpc('action_plan_counts', { p_now: now });
		expect((counts.data as { verification_due: number }).verification_due).toBeGreaterThanOrEqual(1);
	});
});

describe('the demo seed', () => {
	it('has a plan in every state, and its complaints show the plan on their timeline', async () => {
		const rows = await sql<{ status: string }>(
			`select distinct status::text from public.action_plans where id::text like 'e5000000-%' order by 1`
		);
		expect(rows.map((row) => row.status)).toEqual(['actions_done', 'in_progress', 'not_effective', 'open', 'verified_effective']);
		const [linked] = await sql<{ count: string }>(
			`select count(*) from public.feedback_item_events where kind = 'action_plan_linked' and details ->> 'plan_id' like 'e5000000-%'`
		);
		expect(Number(linked.count)).toBe(6);
	});
});
