// The staff foundation's security settings as the catalog records them, so a
// later migration that widens a grant or adds a `for all` policy shows up here.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type pg from 'pg';
import { superuser } from '../env.ts';

const TABLES = ['clients', 'contracts', 'requirements', 'staff_members'];
const HELPERS = ['current_staff_role', 'has_staff_role', 'manages_client'];

describe('staff foundation grants and policies', () => {
	let db: pg.Client;
	beforeAll(async () => {
		db = await superuser();
	});
	afterAll(async () => {
		await db.end();
	});

	it('has row-level security on every table', async () => {
		const { rows } = await db.query(
			`select relname from pg_class where relnamespace = 'public'::regnamespace and relname = any ($1) and relrowsecurity order by relname`,
			[TABLES]
		);
		expect(rows.map((row) => row.relname)).toEqual(TABLES);
	});

	it('gives anon nothing and authenticated no truncate, references or trigger', async () => {
		const { rows } = await db.query(
			`select grantee, table_name, string_agg(privilege_type, ',' order by privilege_type) as privileges
			from information_schema.role_table_grants
			where table_schema = 'public' and table_name = any ($1) and grantee in ('anon', 'authenticated', 'PUBLIC')
			group by grantee, table_name order by table_name, grantee`,
			[TABLES]
		);
		// Insert and update are granted per column, so they do not show as table privileges.
		expect(rows).toEqual(TABLES.map((table) => ({ grantee: 'authenticated', table_name: table, privileges: 'DELETE,SELECT' })));
	});

	it('lets authenticated write only the columns a person fills in', async () => {
		const { rows } = await db.query(
			`select table_name, privilege_type, string_agg(column_name, ',' order by column_name) as columns
			from information_schema.column_privileges
			where table_schema = 'public' and table_name = any ($1) and grantee = 'authenticated' and privilege_type in ('INSERT', 'UPDATE')
			group by table_name, privilege_type order by table_name, privilege_type`,
			[TABLES]
		);
		expect(rows).toEqual([
			{
				table_name: 'clients',
				privilege_type: 'INSERT',
				columns: 'account_manager_id,contact_email,contact_name,contact_phone,id,name,sector,tax_id'
			},
			{
				table_name: 'clients',
				privilege_type: 'UPDATE',
				columns: 'account_manager_id,archived_at,contact_email,contact_name,contact_phone,name,sector,tax_id'
			},
			{
				table_name: 'contracts',
				privilege_type: 'INSERT',
				columns: 'client_id,conformity,delivered_at,due_date,id,reference,start_date,terms_notes,title'
			},
			{
				table_name: 'contracts',
				privilege_type: 'UPDATE',
				columns: 'conformity,delivered_at,due_date,reference,start_date,terms_notes,title'
			},
			{
				table_name: 'requirements',
				privilege_type: 'INSERT',
				columns: 'action_plan_id,client_id,contract_id,feedback_item_id,id,priority,source,statement,status'
			},
			{ table_name: 'requirements', privilege_type: 'UPDATE', columns: 'action_plan_id,contract_id,priority,source,statement,status' },
			{ table_name: 'staff_members', privilege_type: 'INSERT', columns: 'active,email,full_name,role,user_id' },
			{ table_name: 'staff_members', privilege_type: 'UPDATE', columns: 'active,email,full_name,role' }
		]);
	});

	it('writes one policy per command, each for authenticated only', async () => {
		const { rows } = await db.query(
			`select tablename, cmd, roles::text[] as roles from pg_policies where schemaname = 'public' and tablename = any ($1)`,
			[TABLES]
		);
		expect(rows.length).toBeGreaterThan(0);
		for (const policy of rows) {
			expect(policy.cmd).not.toBe('ALL');
			expect(policy.roles).toEqual(['authenticated']);
		}
	});

	it('keeps the permission helpers private: security definer, empty search_path, executable by authenticated alone', async () => {
		const { rows } = await db.query(
			`select p.proname, p.prosecdef, p.proconfig, p.provolatile,
				has_function_privilege('anon', p.oid, 'execute') as anon,
				has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
				has_function_privilege('service_role', p.oid, 'execute') as service_role
			from pg_proc p where p.pronamespace = 'private'::regnamespace and p.proname = any ($1) order by p.proname`,
			[HELPERS]
		);
		expect(rows).toEqual(
			HELPERS.map((name) => ({
				proname: name,
				prosecdef: true,
				proconfig: ['search_path=""'],
				provolatile: 's',
				anon: false,
				authenticated: true,
				service_role: false
			}))
		);
	});

	it('publishes clients, contracts and requirements to Realtime', async () => {
		const { rows } = await db.query(
			`select tablename from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = any ($1) order by tablename`,
			[TABLES]
		);
		expect(rows.map((row) => row.tablename)).toEqual(['clients', 'contracts', 'requirements']);
	});
});
