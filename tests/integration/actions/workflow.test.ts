// The plan's status machine (enforced by its trigger) and the rules of a verification.
import { describe, it, expect } from 'vitest';
import {
	AGENT,
	MANAGER,
	QUALITY,
	addAction,
	backdate,
	insertItem,
	insertPlan,
	newClient,
	planWithActionsDone,
	signedIn,
	sql,
	statusOf
} from './fixtures.ts';

const STATUSES = ['open', 'in_progress', 'actions_done', 'verified_effective', 'not_effective'] as const;
const ALLOWED = new Set([
	'open>in_progress',
	'in_progress>actions_done',
	'actions_done>verified_effective',
	'actions_done>not_effective',
	'not_effective>in_progress'
]);

// Puts a plan in `status` by the allowed path (verdicts by the manager, who is not the owner).
async function planIn(status: (typeof STATUSES)[number]): Promise<string> {
	const plan = await insertPlan({ items: [await insertItem({ category: 'billing' })] });
	if (status === 'open') return plan;
	await sql(`update public.action_plans set status = 'in_progress' where id = $1`, [plan]);
	if (status === 'in_progress') return plan;
	await addAction(plan);
	await sql(`update public.action_plans set status = 'actions_done' where id = $1`, [plan]);
	if (status === 'actions_done') return plan;
	await backdate(plan, 120);
	await sql(
		`update public.action_plans set status = $2, verified_by = $3, verification_note = 'Revisado', override_reason = 'Prueba' where id = $1`,
		[plan, status, MANAGER]
	);
	return plan;
}

describe('plan transitions', () => {
	it('the transitions table lists exactly the allowed changes', async () => {
		const rows = await sql<{ t: string }>(`select from_status || '>' || to_status as t from public.action_plan_transitions order by 1`);
		expect(new Set(rows.map((row) => row.t))).toEqual(ALLOWED);
	});

	for (const from of STATUSES) {
		for (const to of STATUSES) {
			if (from === to) continue;
			const allowed = ALLOWED.has(`${from}>${to}`);
			it(`${from} -> ${to} is ${allowed ? 'allowed' : 'refused'}`, async () => {
				const plan = await planIn(from);
				if (from === 'in_progress') await addAction(plan);
				const attempt = sql(
					`update public.action_plans set status = $2, verified_by = $3, verification_note = 'Revisado', override_reason = 'Prueba' where id = $1`,
					[plan, to, MANAGER]
				);
				if (allowed) {
					await attempt;
					expect(await statusOf(plan)).toBe(to);
				} else {
					await expect(attempt).rejects.toThrow(/cannot go from/);
					expect(await statusOf(plan)).toBe(from);
				}
			});
		}
	}

	it('a plan starts open', async () => {
		await expect(
			sql(`insert into public.action_plans (title, owner_id, origins, status) values ('x', $1, '{complaint}', 'in_progress')`, [QUALITY])
		).rejects.toThrow(/starts open/);
	});

	it('actions_done needs at least one action and every action done', async () => {
		const plan = await planIn('in_progress');
		await expect(sql(`update public.action_plans set status = 'actions_done' where id = $1`, [plan])).rejects.toThrow(
			/at least one action/
		);
		await addAction(plan, false);
		await expect(sql(`update public.action_plans set status = 'actions_done' where id = $1`, [plan])).rejects.toThrow(/done date/);
	});

	it('not effective sends the plan back to work and asks for a new action first', async () => {
		const plan = await planIn('not_effective');
		await sql(`update public.action_plans set status = 'in_progress' where id = $1`, [plan]);
		await expect(sql(`update public.action_plans set status = 'actions_done' where id = $1`, [plan])).rejects.toThrow(/new action first/);
		await addAction(plan);
		await sql(`update public.action_plans set status = 'actions_done' where id = $1`, [plan]);
		expect(await statusOf(plan)).toBe('actions_done');
	});

	it('adding an action to a plan found not effective moves it back to in_progress', async () => {
		const plan = await planIn('not_effective');
		await addAction(plan);
		const [row] = await sql('select status, needs_new_action, verified_by, check_result from public.action_plans where id = $1', [plan]);
		expect(row).toEqual({ status: 'in_progress', needs_new_action: false, verified_by: null, check_result: null });
	});

	it('the owner must be quality, a manager or an admin', async () => {
		await expect(insertPlan({ owner: AGENT })).rejects.toThrow(/owner is an active quality, manager or admin/);
	});
});

describe('verification', () => {
	it('is refused without a note', async () => {
		const plan = await planWithActionsDone([await insertItem({ category: 'delivery', clientId: await newClient() })], 120);
		await expect(
			sql(`update public.action_plans set status = 'verified_effective', verified_by = $2, verification_note = '  ' where id = $1`, [
				plan,
				MANAGER
			])
		).rejects.toThrow(/needs a note/);
		expect(await statusOf(plan)).toBe('actions_done');
	});

	it("is refused from the plan's owner while another quality or manager person exists", async () => {
		const plan = await planWithActionsDone([await insertItem({ category: 'delivery', clientId: await newClient() })], 120);
		const quality = await signedIn('quality');
		const { error } = await quality
			.from('action_plans')
			.update({ status: 'verified_effective', verification_note: 'Lo verifico yo' })
			.eq('id', plan);
		expect(error?.message).toMatch(/owner cannot verify/);
		expect(await statusOf(plan)).toBe('actions_done');
	});

	it('is accepted from another person, who is recorded as the verifier with the computed result', async () => {
		const item = await insertItem({ category: 'delivery', clientId: await newClient() });
		const plan = await planWithActionsDone([item], 120);
		const manager = await signedIn('manager');
		const { error } = await manager
			.from('action_plans')
			.update({ status: 'verified_effective', verification_note: 'Sin repeticiones en 90 días', verified_by: QUALITY } as never)
			.eq('id', plan);
		// verified_by is no API column: the person is whoever signs the verdict.
		expect(error?.code).toBe('42501');
		const ok = await manager
			.from('action_plans')
			.update({ status: 'verified_effective', verification_note: 'Sin repeticiones en 90 días' })
			.eq('id', plan);
		expect(ok.error).toBeNull();
		const [row] = await sql(
			'select verified_by, verified_on is not null as dated, check_result, override_reason from public.action_plans where id = $1',
			[plan]
		);
		expect(row).toEqual({ verified_by: MANAGER, dated: true, check_result: 'pass', override_reason: null });
	});

	it('an effective verdict against a failing check needs a reason, and the override is recorded', async () => {
		const client = await newClient();
		const item = await insertItem({ category: 'product', clientId: client });
		const plan = await planWithActionsDone([item], 120);
		const [{ done }] = await sql<{ done: string }>('select actions_done_at as done from public.action_plans where id = $1', [plan]);
		await insertItem({
			category: 'product',
			clientId: client,
			createdAt: new Date(new Date(done).getTime() + 5 * 86_400_000).toISOString()
		});
		const update = `update public.action_plans set status = 'verified_effective', verified_by = $2, verification_note = 'Revisado', override_reason = $3 where id = $1`;
		await expect(sql(update, [plan, MANAGER, null])).rejects.toThrow(/differs from the computed check \(fail\)/);
		await sql(update, [plan, MANAGER, 'La queja repetida era de otro producto']);
		const [row] = await sql('select status, check_result, override_reason from public.action_plans where id = $1', [plan]);
		expect(row).toEqual({ status: 'verified_effective', check_result: 'fail', override_reason: 'La queja repetida era de otro producto' });
		const audit = await sql(
			`select new_values from public.audit_log where table_name = 'action_plans' and row_id = $1 and action = 'update'`,
			[plan]
		);
		expect(audit.map((entry) => entry.new_values)).toContainEqual(
			expect.objectContaining({
				status: 'verified_effective',
				check_result: 'fail',
				override_reason: 'La queja repetida era de otro producto'
			})
		);
	});

	it('verification facts cannot be written without the verdict', async () => {
		const plan = await planWithActionsDone([await insertItem()], 10);
		await expect(sql(`update public.action_plans set verification_note = 'Adelantado' where id = $1`, [plan])).rejects.toThrow(
			/only with the plan's status/
		);
	});
});
