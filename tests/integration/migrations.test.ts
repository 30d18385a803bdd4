import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdir, writeFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { startStack, PROJECT_ROOT } from '../../supabase/local/stack.ts';
import { makeTempDataDir, removeDataDir } from '../../supabase/local/throwaway.ts';
import { superuser, dbUrl } from './env.ts';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return (await client.query<T>(sql)).rows;
	} finally {
		await client.end();
	}
}

describe('migrations on the test stack', () => {
	it('recorded every file of supabase/migrations exactly once, in the CLI table', async () => {
		const files = (await readdir(join(PROJECT_ROOT, 'supabase/migrations'))).filter((f) => f.endsWith('.sql')).sort();
		const db = await superuser();
		try {
			const { rows } = await db.query<{ version: string; name: string }>(
				'select version, name from supabase_migrations.schema_migrations order by version'
			);
			expect(rows.map((row) => `${row.version}_${row.name}.sql`)).toEqual(files);
		} finally {
			await db.end();
		}
	});
});

describe('migration runner', () => {
	let root: string;
	let migrationsDir: string;
	let seedFile: string;
	const dataDir = () => join(root, 'data');

	beforeAll(async () => {
		root = await makeTempDataDir('feedback-migrations');
		migrationsDir = join(root, 'migrations');
		seedFile = join(root, 'seed.sql');
		await mkdir(migrationsDir);
		await writeFile(join(migrationsDir, '20260101000000_first.sql'), 'create table public.first_table (id int primary key);');
		await writeFile(join(migrationsDir, '20260102000000_second.sql'), 'alter table public.first_table add column label text;');
		await writeFile(seedFile, "insert into public.first_table (id, label) values (1, 'seeded');");
	});

	afterAll(async () => {
		await removeDataDir(root);
	});

	const start = () => startStack({ dataDir: dataDir(), apiPort: 0, dbPort: 0, migrationsDir, seedFile });

	it('applies every migration once, then the seed, on a fresh database', async () => {
		const stack = await start();
		try {
			const versions = await query<{ version: string }>(stack.dbUrl, 'select version from supabase_migrations.schema_migrations order by version');
			expect(versions.map((row) => row.version)).toEqual(['20260101000000', '20260102000000']);
			expect(await query(stack.dbUrl, 'select id, label from public.first_table')).toEqual([{ id: 1, label: 'seeded' }]);
		} finally {
			await stack.stop();
		}
	});

	it('stops start-up at a broken migration, naming the file and leaving the database as it was', async () => {
		// The broken file does real work before failing: none of it may survive.
		await writeFile(
			join(migrationsDir, '20260103000000_broken.sql'),
			"create table public.half_done (id int);\ninsert into public.first_table (id, label) values (2, 'half');\nselect 1 / 0;"
		);
		const failure = await start().then(
			() => null,
			(error: Error) => error
		);
		expect(failure?.message).toContain('20260103000000_broken.sql');
		expect(failure?.message).toContain('division by zero');

		await rm(join(migrationsDir, '20260103000000_broken.sql'));
		const stack = await start();
		try {
			expect(await query(stack.dbUrl, "select to_regclass('public.half_done') as t")).toEqual([{ t: null }]);
			const versions = await query<{ version: string }>(stack.dbUrl, 'select version from supabase_migrations.schema_migrations order by version');
			expect(versions.map((row) => row.version)).toEqual(['20260101000000', '20260102000000']);
			// A second start keeps the data and does not run the seed again.
			expect(await query(stack.dbUrl, 'select id, label from public.first_table')).toEqual([{ id: 1, label: 'seeded' }]);
		} finally {
			await stack.stop();
		}
	});

	it('refuses a migration that needs a superuser, saying migrations run as the non-superuser postgres', async () => {
		// Event triggers need a superuser, on Supabase as here.
		await writeFile(
			join(migrationsDir, '20260104000000_needs_superuser.sql'),
			"create function public.noop_event() returns event_trigger language plpgsql as 'begin end';\n" +
				'create event trigger noop_event on ddl_command_end execute function public.noop_event();'
		);
		try {
			const failure = await start().then(
				() => null,
				(error: Error) => error
			);
			expect(failure?.message).toContain('20260104000000_needs_superuser.sql');
			expect(failure?.message).toMatch(/permission denied/);
			expect(failure?.message).toContain('non-superuser role postgres, as on Supabase');
		} finally {
			await rm(join(migrationsDir, '20260104000000_needs_superuser.sql'));
		}
	});
});

describe('roles as on Supabase', () => {
	it('applied the migrations as a non-superuser postgres, which owns what they made', async () => {
		const rows = await query<{ rolsuper: boolean; owner: string; applied_by_owner: boolean }>(
			dbUrl(),
			`select r.rolsuper, pg_get_userbyid(c.relowner) as owner,
				pg_get_userbyid((select relowner from pg_class where oid = 'supabase_migrations.schema_migrations'::regclass)) = 'postgres' as applied_by_owner
			from pg_roles r, pg_class c where r.rolname = 'postgres' and c.oid = 'public.clients'::regclass`
		);
		expect(rows).toEqual([{ rolsuper: false, owner: 'postgres', applied_by_owner: true }]);
	});

	it('gives the API roles the attributes they have on Supabase', async () => {
		const rows = await query(
			dbUrl(),
			`select rolname, rolinherit, rolbypassrls, rolcanlogin, rolsuper,
				has_schema_privilege(rolname, 'public', 'usage') as public_usage,
				has_schema_privilege(rolname, 'public', 'create') as public_create
			from pg_roles where rolname in ('anon', 'authenticated', 'service_role') order by rolname`
		);
		const api = { rolinherit: true, rolcanlogin: false, rolsuper: false, public_usage: true, public_create: false };
		expect(rows).toEqual([
			{ rolname: 'anon', ...api, rolbypassrls: false },
			{ rolname: 'authenticated', ...api, rolbypassrls: false },
			{ rolname: 'service_role', ...api, rolbypassrls: true }
		]);
	});
});
