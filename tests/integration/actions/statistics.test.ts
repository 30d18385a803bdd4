// The plans in the figures (dashboard and management review), read with the caller's rights: counts of a
// period and the plans still open, as each role may see them. Plans are dated into 2005, where no other test's are.
import { describe, it, expect, beforeAll } from 'vitest';
import { superuser } from '../env.ts';
import { CLIENT_OF_ACCOUNT, CLIENT_OF_ACCOUNT_2, anon, insertItem, insertPlan, signedIn, sql } from './fixtures.ts';

const plans: Record<'earlier' | 'own' | 'other' | 'verified', string> = { earlier: '', own: '', other: '', verified: '' };

async function datedPlan(title: string, client: string, createdAt: string): Promise<string> {
	const plan = await insertPlan({ title, items: [await insertItem({ clientId: client })] });
	await sql('update public.action_plans set created_at = $2 where id = $1', [plan, createdAt]);
	return plan;
}

beforeAll(async () => {
	plans.earlier = await datedPlan('Plan de 2005-Q1 aún abierto', CLIENT_OF_ACCOUNT, '2005-01-10T10:00:00Z');
	plans.own = await datedPlan('Plan de 2005-Q2 del cliente propio', CLIENT_OF_ACCOUNT, '2005-05-01T10:00:00Z');
	plans.other = await datedPlan('Plan de 2005-Q2 del cliente ajeno', CLIENT_OF_ACCOUNT_2, '2005-05-02T10:00:00Z');
	plans.verified = await datedPlan('Plan de 2005-Q2 verificado', CLIENT_OF_ACCOUNT_2, '2005-05-03T10:00:00Z');
	// Straight to the verdict, triggers off (the workflow is the workflow tests'): verified effective inside the quarter.
	const db = await superuser();
	try {
		await db.query('begin');
		await db.query('set local session_replication_role = replica');
		await db.query(`update public.action_plans set status = 'verified_effective', verified_on = '2005-06-20' where id = $1`, [
			plans.verified
		]);
		await db.query('commit');
	} finally {
		await db.end();
	}
});

const quarter = { p_first_day: '2005-04-01', p_end_day: '2005-07-01' };

describe('action_plan_statistics', () => {
	it('gives a manager the quarter: opened, verified effective, and what is still open from earlier', async () => {
		const { data, error } = await (await signedIn('manager')).rpc('action_plan_statistics', quarter);
		expect(error).toBeNull();
		expect(data).toMatchObject({ opened: 3, verifiedEffective: 1, notEffective: 0, openFromEarlier: 1, openByStatus: { open: 3 } });
		expect((data as { open: { id: string }[] }).open.map((plan) => plan.id)).toEqual([plans.earlier, plans.own, plans.other]);
	});

	it("gives an account manager only their clients' plans", async () => {
		const { data } = await (await signedIn('account')).rpc('action_plan_statistics', quarter);
		expect(data).toMatchObject({ opened: 1, verifiedEffective: 0, openFromEarlier: 1 });
		expect((data as { open: { id: string }[] }).open.map((plan) => plan.id)).toEqual([plans.earlier, plans.own]);
	});

	it('is closed to anon', async () => {
		expect((await anon().rpc('action_plan_statistics', quarter)).error?.code).toBe('42501');
	});
});
