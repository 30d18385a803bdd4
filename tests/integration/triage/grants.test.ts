// The triage tables' security settings as the catalog records them.
import { describe, it, expect } from 'vitest';
import { sql } from './fixtures.ts';

const TABLES = [
	'audit_log',
	'business_calendar',
	'business_holidays',
	'feedback_item_events',
	'feedback_status_transitions',
	'sla_targets',
	'staff_availability',
	'triage_settings'
];

describe('triage grants and policies', () => {
	it('has row-level security on every new table, the private turn table included', async () => {
		const rows = await sql(
			`select c.relname from pg_class c where c.relrowsecurity and (
				(c.relnamespace = 'public'::regnamespace and c.relname = any ($1)) or (c.relnamespace = 'private'::regnamespace and c.relname = 'auto_assignment_turns')
			) order by c.relname`,
			[TABLES]
		);
		expect(rows.map((row) => row.relname)).toEqual(['audit_log', 'auto_assignment_turns', ...TABLES.slice(1)]);
	});

	it('gives anon and service_role nothing, and nobody update, delete or truncate on the audit and the timeline', async () => {
		const rows = await sql(
			`select grantee, table_name, privilege_type from information_schema.role_table_grants
			where table_schema = 'public' and table_name = any ($1) and grantee in ('anon', 'authenticated', 'service_role', 'PUBLIC')
			order by table_name, grantee, privilege_type`,
			[TABLES]
		);
		expect(rows.filter((row) => row.grantee !== 'authenticated')).toEqual([]);
		const logs = rows.filter((row) => row.table_name === 'audit_log' || row.table_name === 'feedback_item_events');
		expect(logs.map((row) => `${row.grantee}:${row.table_name}:${row.privilege_type}`)).toEqual([
			'authenticated:audit_log:SELECT',
			'authenticated:feedback_item_events:SELECT'
		]);
	});

	it('writes one policy per command, each for authenticated only', async () => {
		const rows = await sql<{ cmd: string; roles: string[] }>(
			`select cmd, roles::text[] as roles from pg_policies where schemaname = 'public' and tablename = any ($1)`,
			[TABLES]
		);
		expect(rows.length).toBeGreaterThan(10);
		for (const policy of rows) {
			expect(policy.cmd).not.toBe('ALL');
			expect(policy.roles).toEqual(['authenticated']);
		}
	});

	it('keeps every new function away from anon', async () => {
		const rows = await sql(
			`select p.proname from pg_proc p
			where p.proname = any ($1) and has_function_privilege('anon', p.oid, 'execute')`,
			[
				[
					'inbox_items',
					'inbox_counts',
					'feedback_item_deadlines',
					'feedback_item_deadline_state',
					'add_feedback_message',
					'feedback_duplicate_candidates',
					'create_requirement_from_feedback',
					'deadline_clocks',
					'business_minutes_between',
					'business_add',
					'record_audit',
					'apply_feedback_workflow',
					'refresh_feedback_item_deadlines'
				]
			]
		);
		expect(rows).toEqual([]);
	});
});
