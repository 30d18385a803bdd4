// Applies bootstrap (once), then supabase/migrations in name order, each once
// and each in its own transaction, then the seed on a fresh database.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type pg from 'pg';

export class MigrationError extends Error {
	readonly file: string;
	constructor(file: string, cause: Error) {
		super(`Migration ${file} failed: ${cause.message}`, { cause });
		this.name = 'MigrationError';
		this.file = file;
	}
}

const BOOTSTRAP_FILE = new URL('./bootstrap.sql', import.meta.url);
/** The demo links' fixed tokens: after the project's own seed, on the embedded stack only. */
export const DEMO_LINKS_FILE = new URL('./demo-links.sql', import.meta.url);

async function isBootstrapped(db: pg.Client): Promise<boolean> {
	const { rows } = await db.query(`select to_regclass('supabase_migrations.schema_migrations') is not null as done`);
	return rows[0].done;
}

export interface RolePasswords {
	authenticator: string;
	/** The non-superuser `postgres` that applies migrations and the seed. */
	postgres: string;
}

/** Gives the vanilla cluster Supabase's roles, auth schema and grants. Runs as the superuser. */
export async function bootstrap(db: pg.Client, passwords: RolePasswords): Promise<boolean> {
	const fresh = !(await isBootstrapped(db));
	if (fresh) await runInTransaction(db, await readFile(BOOTSTRAP_FILE, 'utf8'));
	await setPassword(db, 'authenticator', passwords.authenticator);
	await setPassword(db, 'postgres', passwords.postgres);
	return fresh;
}

async function setPassword(db: pg.Client, role: 'authenticator' | 'postgres', password: string) {
	// format('%I', '%L') quotes; ALTER ROLE takes no bind parameters.
	const { rows } = await db.query(`select format('alter role %I with password %L', $1::text, $2::text) as sql`, [role, password]);
	await db.query(rows[0].sql);
}

/** A migration that needs a superuser would pass locally and fail on Supabase: say so plainly. */
function explain(error: Error): Error {
	const code = (error as Error & { code?: string }).code;
	if (code !== '42501') return error;
	return new Error(
		`${error.message} (migrations run as the non-superuser role postgres, as on Supabase: ` +
			'move what needs a superuser out of supabase/migrations, or grant it explicitly)',
		{ cause: error }
	);
}

async function runInTransaction(db: pg.Client, sql: string, after?: () => Promise<void>) {
	await db.query('begin');
	try {
		await db.query(sql);
		await after?.();
		await db.query('commit');
	} catch (error) {
		await db.query('rollback');
		throw error;
	}
}

/** Supabase CLI naming: `<version>_<name>.sql`. */
function parseMigrationName(file: string): { version: string; name: string } {
	const match = /^(\d+)_(.+)\.sql$/.exec(file);
	if (!match) throw new MigrationError(file, new Error('file name must be <digits>_<name>.sql'));
	return { version: match[1], name: match[2] };
}

export async function listMigrations(dir: string): Promise<string[]> {
	const files = await readdir(dir).catch(() => [] as string[]);
	return files.filter((file) => file.endsWith('.sql')).sort();
}

/** Returns the files applied by this call. `db` is the non-superuser `postgres` connection. */
export async function applyMigrations(db: pg.Client, dir: string): Promise<string[]> {
	const { rows } = await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
	const applied = new Set(rows.map((row) => row.version));
	const done: string[] = [];
	for (const file of await listMigrations(dir)) {
		const { version, name } = parseMigrationName(file);
		if (applied.has(version)) continue;
		const sql = await readFile(join(dir, file), 'utf8');
		try {
			await runInTransaction(db, sql, async () => {
				await db.query(
					'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
					[version, name, [sql]]
				);
			});
		} catch (error) {
			throw new MigrationError(file, explain(error as Error));
		}
		done.push(file);
	}
	return done;
}

/**
 * The seed is `seed.sql` then `seeds/*.sql` beside it in name order, one transaction, as
 * config.toml's `[db.seed] sql_paths` tells the Supabase CLI: each feature keeps its demo data in its own file.
 */
export async function applySeed(db: pg.Client, seedFile: string, localOnlyFiles: URL[] = []): Promise<boolean> {
	const sql = await readFile(seedFile, 'utf8').catch(() => null);
	if (sql === null) return false;
	const extraDir = join(dirname(seedFile), 'seeds');
	const extras = await listMigrations(extraDir);
	const parts = [
		sql,
		...(await Promise.all(extras.map((file) => readFile(join(extraDir, file), 'utf8')))),
		...(await Promise.all(localOnlyFiles.map((file) => readFile(file, 'utf8'))))
	];
	try {
		await runInTransaction(db, parts.join('\n;\n'));
	} catch (error) {
		throw new MigrationError(seedFile, explain(error as Error));
	}
	return true;
}
