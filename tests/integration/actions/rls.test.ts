// Who may read and change the corrective-action tables, per role, signed in for real: allow and deny.
import { describe, it, expect, beforeAll } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { DemoStaff } from '../feedback/fixtures.ts';
import { CLIENT_OF_ACCOUNT, CLIENT_OF_ACCOUNT_2, QUALITY, addAction, anon, insertItem, insertPlan, signedIn, sql } from './fixtures.ts';

const ROLES: DemoStaff[] = ['admin', 'manager', 'quality', 'agent', 'account'];
const TABLES = ['action_plans', 'action_plan_items', 'action_plan_clients', 'action_plan_actions', 'action_plan_transitions'];
const WRITERS = new Set<DemoStaff>(['admin', 'manager', 'quality']);
const staff = {} as Record<DemoStaff, SupabaseClient>;
let ownPlan: string;
let otherPlan: string;
let ownItem: string;

beforeAll(async () => {
	for (const who of ROLES) staff[who] = await signedIn(who);
	ownItem = await insertItem({ clientId: CLIENT_OF_ACCOUNT });
	ownPlan = await insertPlan({ title: 'Plan del cliente propio', items: [ownItem] });
	otherPlan = await insertPlan({ title: 'Plan del cliente ajeno', items: [await insertItem({ clientId: CLIENT_OF_ACCOUNT_2 })] });
	await addAction(ownPlan, false);
	await addAction(otherPlan, false);
});

describe('anon', () => {
	for (const table of TABLES) {
		it(`cannot read ${table}`, async () => {
			expect((await anon().from(table).select('*').limit(1)).error?.code).toBe('42501');
		});
	}
	it('cannot call the plan functions', async () => {
		expect((await anon().rpc('action_plans_page', {})).error?.code).toBe('42501');
		expect((await anon().rpc('action_plan_counts', {})).error?.code).toBe('42501');
		expect((await anon().rpc('action_plan_check', { p_plan_id: ownPlan })).error?.code).toBe('42501');
	});
});

describe('reading', () => {
	for (const who of ROLES) {
		const all = who !== 'account';
		it(`${who} reads ${all ? 'every plan' : "only the plan of their client's items"} and its parts`, async () => {
			for (const table of ['action_plan_items', 'action_plan_clients', 'action_plan_actions']) {
				const rows = await staff[who].from(table).select('plan_id').in('plan_id', [ownPlan, otherPlan]);
				expect(new Set(rows.data?.map((row) => row.plan_id))).toEqual(new Set(all ? [ownPlan, otherPlan] : [ownPlan]));
			}
			const plans = await staff[who].from('action_plans').select('id').in('id', [ownPlan, otherPlan]);
			expect(new Set(plans.data?.map((row) => row.id))).toEqual(new Set(all ? [ownPlan, otherPlan] : [ownPlan]));
			const check = await staff[who].rpc('action_plan_check', { p_plan_id: otherPlan });
			expect(check.data === null).toBe(!all);
			expect((await staff[who].from('action_plan_transitions').select('*')).data).toHaveLength(5);
		});
	}

	it('an account manager reads a plan naming their client even without a linked item', async () => {
		const plan = await insertPlan({ clients: [CLIENT_OF_ACCOUNT] });
		expect((await staff.account.from('action_plans').select('id').eq('id', plan)).data).toEqual([{ id: plan }]);
	});
});

describe('writing', () => {
	for (const who of ROLES) {
		const may = WRITERS.has(who);
		it(`${who} ${may ? 'can' : 'cannot'} create a plan, link an item, add and edit an action`, async () => {
			const created = await staff[who]
				.from('action_plans')
				.insert({ title: `Plan de ${who}`, owner_id: QUALITY, origins: ['internal_observation'] })
				.select('id');
			if (!may) {
				expect(created.error?.code).toBe('42501');
				const edited = await staff[who].from('action_plans').update({ title: 'Cambiado' }).eq('id', ownPlan).select('id');
				expect(edited.data ?? []).toEqual([]);
				expect((await staff[who].from('action_plan_items').insert({ plan_id: ownPlan, feedback_item_id: ownItem })).error?.code).toBe(
					'42501'
				);
				const action = await staff[who]
					.from('action_plan_actions')
					.insert({ plan_id: ownPlan, description: 'x', owner_id: QUALITY, due_on: '2030-01-01' });
				expect(action.error?.code).toBe('42501');
				expect((await staff[who].from('action_plan_clients').insert({ plan_id: ownPlan, client_id: CLIENT_OF_ACCOUNT })).error?.code).toBe(
					'42501'
				);
				const [row] = await sql('select title from public.action_plans where id = $1', [ownPlan]);
				expect(row.title).toBe('Plan del cliente propio');
				return;
			}
			expect(created.error).toBeNull();
			const plan = created.data![0].id as string;
			const item = await insertItem({ clientId: CLIENT_OF_ACCOUNT_2 });
			expect((await staff[who].from('action_plan_items').insert({ plan_id: plan, feedback_item_id: item })).error).toBeNull();
			const action = await staff[who]
				.from('action_plan_actions')
				.insert({ plan_id: plan, description: 'Revisar', owner_id: QUALITY, due_on: '2030-01-01' })
				.select('id');
			expect(action.error).toBeNull();
			expect(
				(await staff[who].from('action_plan_actions').update({ done_on: '2026-12-01' }).eq('id', action.data![0].id).select('id')).data
			).toHaveLength(1);
			const deleted = await staff[who].from('action_plans').delete().eq('id', plan).select('id');
			expect(deleted.data ?? []).toHaveLength(who === 'admin' ? 1 : 0);
		});
	}

	it('nobody writes the transitions table', async () => {
		const { error } = await staff.admin.from('action_plan_transitions').insert({ from_status: 'open', to_status: 'verified_effective' });
		expect(error?.code).toBe('42501');
	});
});

describe('the item timeline and the audit trail', () => {
	it('a linked item gets an action_plan_linked event and the plan gets its client', async () => {
		const events = await sql(
			`select details from public.feedback_item_events where feedback_item_id = $1 and kind = 'action_plan_linked'`,
			[ownItem]
		);
		expect(events).toEqual([{ details: { plan_id: ownPlan, title: 'Plan del cliente propio' } }]);
		const clients = await sql('select client_id from public.action_plan_clients where plan_id = $1', [ownPlan]);
		expect(clients).toEqual([{ client_id: CLIENT_OF_ACCOUNT }]);
	});

	it('every table writes the audit trail, with the person', async () => {
		const manager = staff.manager;
		const created = await manager
			.from('action_plans')
			.insert({ title: 'Auditado', owner_id: QUALITY, origins: ['audit_finding'] })
			.select('id')
			.single();
		const plan = created.data!.id as string;
		await manager.from('action_plan_items').insert({ plan_id: plan, feedback_item_id: ownItem });
		await manager.from('action_plan_actions').insert({ plan_id: plan, description: 'Auditar', owner_id: QUALITY, due_on: '2030-01-01' });
		const rows = await sql<{ table_name: string; actor_id: string }>(
			`select table_name, actor_id from public.audit_log where table_name like 'action_plan%' and (row_id = $1 or new_values ->> 'plan_id' = $1) order by id`,
			[plan]
		);
		expect(new Set(rows.map((row) => row.table_name))).toEqual(
			new Set(['action_plans', 'action_plan_items', 'action_plan_clients', 'action_plan_actions'])
		);
		expect(
			rows.filter((row) => row.table_name !== 'action_plan_clients').every((row) => row.actor_id === 'a0000000-0000-4000-8000-000000000002')
		).toBe(true);
	});
});
