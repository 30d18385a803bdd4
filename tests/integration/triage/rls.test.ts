// Who may read and change the triage tables, per role, signed in for real: allow and deny.
import { describe, it, expect, beforeAll } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anon, type DemoStaff } from '../feedback/fixtures.ts';
import { serviceClient } from '../env.ts';
import { CLIENT_OF_ACCOUNT, CLIENT_OF_ACCOUNT_2, insertItem, signedIn, sql } from './fixtures.ts';

const staff = {} as Record<DemoStaff, SupabaseClient>;
const ROLES: DemoStaff[] = ['admin', 'manager', 'quality', 'agent', 'account'];
const SETTINGS = [
	'feedback_item_events',
	'feedback_status_transitions',
	'sla_targets',
	'business_calendar',
	'business_holidays',
	'triage_settings',
	'staff_availability',
	'audit_log'
];

beforeAll(async () => {
	for (const who of ROLES) staff[who] = await signedIn(who);
});

describe('anon', () => {
	for (const table of SETTINGS) {
		it(`cannot read ${table}`, async () => {
			const { error } = await anon().from(table).select('*').limit(1);
			expect(error?.code).toBe('42501');
		});
	}

	it('cannot call the inbox functions', async () => {
		expect((await anon().rpc('inbox_counts', {})).error?.code).toBe('42501');
		expect((await anon().rpc('inbox_items', {})).error?.code).toBe('42501');
	});
});

describe("an account manager and another manager's client", () => {
	let own: string;
	let other: string;
	beforeAll(async () => {
		own = await insertItem({ clientId: CLIENT_OF_ACCOUNT, subject: 'Del cliente propio' });
		other = await insertItem({ clientId: CLIENT_OF_ACCOUNT_2, subject: 'Del cliente ajeno' });
	});

	it('sees the own client item and its events, not the other', async () => {
		const items = await staff.account.from('feedback_items').select('id').in('id', [own, other]);
		expect(items.data).toEqual([{ id: own }]);
		const events = await staff.account.from('feedback_item_events').select('feedback_item_id').in('feedback_item_id', [own, other]);
		expect(events.data).toEqual([{ feedback_item_id: own }]);
		const page = await staff.account.rpc('inbox_items', { p_filters: { view: 'all', q: 'cliente' } });
		const ids = (page.data ?? []).map((row: { id: string }) => row.id);
		expect(ids).toContain(own);
		expect(ids).not.toContain(other);
		expect((await staff.account.rpc('feedback_item_deadlines', { p_item_id: other })).data).toEqual([]);
	});

	it("cannot change, assign or reply on the other manager's item", async () => {
		const changed = await staff.account.from('feedback_items').update({ priority: 'urgent' }).eq('id', other).select('id');
		expect(changed.data).toEqual([]);
		const reply = await staff.account.rpc('add_feedback_message', {
			p_item_id: other,
			p_body: 'Hola',
			p_is_public: true,
			p_expected_version: 1
		});
		expect(reply.data).toEqual({ outcome: 'not_found' });
		const [row] = await sql('select priority, version from public.feedback_items where id = $1', [other]);
		expect(row).toEqual({ priority: 'normal', version: 1 });
	});

	it('can triage the own client item', async () => {
		const changed = await staff.account.from('feedback_items').update({ priority: 'high' }).eq('id', own).select('priority, version');
		expect(changed.data).toEqual([{ priority: 'high', version: 2 }]);
	});
});

describe('deadline targets, calendar and settings', () => {
	for (const who of ['manager', 'quality', 'agent', 'account'] as const) {
		it(`${who} can read but not change them`, async () => {
			expect((await staff[who].from('sla_targets').select('priority')).data).toHaveLength(4);
			const target = await staff[who].from('sla_targets').update({ first_response_minutes: 1 }).eq('priority', 'urgent').select('priority');
			expect(target.data).toEqual([]);
			const calendar = await staff[who].from('business_calendar').update({ time_zone: 'UTC' }).eq('id', 1).select('id');
			expect(calendar.data).toEqual([]);
			const holiday = await staff[who].from('business_holidays').insert({ holiday_date: '2030-01-02', name: 'Prueba' });
			expect(holiday.error?.code).toBe('42501');
			const settings = await staff[who].from('triage_settings').update({ auto_assign_open_cap: 1 }).eq('id', 1).select('id');
			expect(settings.data).toEqual([]);
		});
	}

	it('admin can change a target (and it is audited)', async () => {
		const [{ first_response_minutes: before }] = await sql<{ first_response_minutes: number }>(
			"select first_response_minutes from public.sla_targets where priority = 'high'"
		);
		const [{ started }] = await sql<{ started: Date }>('select clock_timestamp() as started');
		try {
			const changed = await staff.admin
				.from('sla_targets')
				.update({ first_response_minutes: before })
				.eq('priority', 'high')
				.select('priority');
			expect(changed.data).toEqual([{ priority: 'high' }]);
			const holiday = await staff.admin
				.from('business_holidays')
				.insert({ holiday_date: '2031-01-02', name: 'Prueba' })
				.select('holiday_date');
			expect(holiday.data).toEqual([{ holiday_date: '2031-01-02' }]);
			expect(
				(await staff.admin.from('business_holidays').delete().eq('holiday_date', '2031-01-02').select('holiday_date')).data
			).toHaveLength(1);
			const audit = await sql(
				"select action, actor_id from public.audit_log where table_name = 'business_holidays' and row_id = '2031-01-02' and occurred_at >= $1 order by id",
				[started]
			);
			expect(audit).toEqual([
				{ action: 'insert', actor_id: 'a0000000-0000-4000-8000-000000000001' },
				{ action: 'delete', actor_id: 'a0000000-0000-4000-8000-000000000001' }
			]);
		} finally {
			await sql("update public.sla_targets set first_response_minutes = $1 where priority = 'high'", [before]);
		}
	});

	it('set_sla_targets: one call for all four, nothing written when nothing changed, refused to anyone but admins', async () => {
		const current = await sql<{ priority: string; first_response_minutes: number; resolution_minutes: number }>(
			'select priority, first_response_minutes, resolution_minutes from public.sla_targets order by priority'
		);
		expect((await staff.admin.rpc('set_sla_targets', { p_targets: current })).data).toBe(0);
		// Low resolution one minute longer, then back: no other test reads low resolution deadlines.
		const longer = current.map((row) => (row.priority === 'low' ? { ...row, resolution_minutes: row.resolution_minutes + 1 } : row));
		for (const who of ['manager', 'quality', 'agent'] as const) {
			expect((await staff[who].rpc('set_sla_targets', { p_targets: longer })).error?.code).toBe('42501');
		}
		expect(await sql('select priority, first_response_minutes, resolution_minutes from public.sla_targets order by priority')).toEqual(
			current
		);
		try {
			expect((await staff.admin.rpc('set_sla_targets', { p_targets: longer })).data).toBe(1);
			const [low] = await sql<{ resolution_minutes: number }>("select resolution_minutes from public.sla_targets where priority = 'low'");
			expect(low.resolution_minutes).toBe(current.find((row) => row.priority === 'low')!.resolution_minutes + 1);
		} finally {
			expect((await staff.admin.rpc('set_sla_targets', { p_targets: current })).data).toBe(1);
		}
		expect((await staff.admin.rpc('set_sla_targets', { p_targets: { low: 1 } })).error?.code).toBe('22023');
	});

	it('refuses an unknown time zone', async () => {
		const { error } = await staff.admin.from('business_calendar').update({ time_zone: 'Mars/Olympus' }).eq('id', 1);
		expect(error?.message).toContain('unknown time zone');
	});

	it('lets a person mark themselves absent, not someone else', async () => {
		const self = await staff.agent
			.from('staff_availability')
			.upsert({ user_id: 'a0000000-0000-4000-8000-000000000004', is_absent: false })
			.select('user_id');
		expect(self.error).toBeNull();
		const other = await staff.agent.from('staff_availability').insert({ user_id: 'a0000000-0000-4000-8000-000000000003', is_absent: true });
		expect(other.error?.code).toBe('42501');
	});
});

describe('the timeline and the audit trail are append-only', () => {
	it('no role can write feedback_item_events', async () => {
		const item = await insertItem();
		for (const who of ROLES) {
			const inserted = await staff[who].from('feedback_item_events').insert({ feedback_item_id: item, kind: 'internal_note' });
			expect(inserted.error?.code).toBe('42501');
		}
		const update = await serviceClient().from('feedback_item_events').update({ kind: 'merged' }).eq('feedback_item_id', item);
		expect(update.error?.code).toBe('42501');
	});

	it('admins and quality read the audit; others do not; nobody edits or deletes it, service role included', async () => {
		const [row] = await sql<{ id: number }>('select id::int as id from public.audit_log order by id limit 1');
		for (const who of ['admin', 'quality'] as const) {
			expect((await staff[who].from('audit_log').select('id').eq('id', row.id)).data).toEqual([{ id: row.id }]);
		}
		for (const who of ['manager', 'agent', 'account'] as const) {
			expect((await staff[who].from('audit_log').select('id').eq('id', row.id)).data).toEqual([]);
		}
		for (const client of [staff.admin, serviceClient()]) {
			expect((await client.from('audit_log').update({ table_name: 'x' }).eq('id', row.id)).error?.code).toBe('42501');
			expect((await client.from('audit_log').delete().eq('id', row.id)).error?.code).toBe('42501');
			expect((await client.from('audit_log').insert({ table_name: 'x', row_id: 'x', action: 'insert' })).error?.code).toBe('42501');
		}
		// Even the table owner's connection is refused by the trigger.
		await expect(sql('delete from public.audit_log where id = $1', [row.id])).rejects.toThrow('append-only');
	});
});
