// The embedded Supabase-compatible stack: Postgres, PostgREST, Auth, Realtime
// and the gateway, started in that order and stopped in reverse.
import { mkdir, chmod } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { loadOrCreateSecrets, makeApiKeys, type StackSecrets } from './keys.ts';
import { freePort } from './ports.ts';
import { startPostgres, connect, type PostgresHandle } from './postgres.ts';
import { bootstrap, applyMigrations, applySeed, DEMO_LINKS_FILE } from './migrate.ts';
import { startPostgrest, type PostgrestHandle } from './postgrest.ts';
import { describeFallback, findPostgrest, type PostgrestBinary } from './postgrest-binary.ts';
import { startGateway, type GatewayHandle } from './gateway.ts';
import { startAuthServer, type AuthHandle } from './auth/server.ts';
import { startRealtimeServer, type RealtimeHandle } from './realtime/server.ts';
import { startWatchdog } from './watchdog-client.ts';
import { startMailCatcher, type MailCatcher } from './mail-catcher.ts';
import { mailSender } from './auth/mail.ts';
import { superviseStack, type RunningServices, type StackSupervisor, type StartOptions } from './stack-supervisor.ts';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface StackOptions {
	/** Where the cluster and its secrets live; kept between starts. */
	dataDir?: string;
	/** Preferred gateway port; another free one is taken when it is busy. */
	apiPort?: number;
	dbPort?: number;
	/** 127.0.0.1 unless SUPABASE_LOCAL_HOST opens it to a LAN on purpose. */
	host?: string;
	migrationsDir?: string;
	seedFile?: string;
	log?: (line: string) => void;
}

export interface Stack {
	apiUrl: string;
	dbUrl: string;
	/** The database owner (non-superuser postgres), as hosted Supabase's connection string gives it: the worker's DATABASE_URL. */
	databaseUrl: string;
	/** The local mail catcher: where mail goes (SMTP) and where to read it (HTTP). */
	smtpUrl: string;
	mailUiUrl: string;
	mail: MailCatcher;
	anonKey: string;
	serviceRoleKey: string;
	jwtSecret: string;
	/** The PostgREST executable it runs, and where that came from. */
	postgrest: PostgrestBinary;
	/** Milliseconds from the call to ready. */
	startMs: number;
	/** Operating-system processes the stack started (postgres, postgrest). */
	childPids(): number[];
	/** Stops and starts the Realtime server, as a crash and restart would. */
	restartRealtime(): Promise<void>;
	/** Restarts crashed servers (supervisor.ts); tests stop services on purpose through it. */
	supervisor: StackSupervisor;
	stop(): Promise<void>;
}

export function defaultDataDir(): string {
	return join(PROJECT_ROOT, '.data');
}

async function serviceOptions(
	secrets: StackSecrets,
	host: string,
	postgres: PostgresHandle,
	binary: string,
	log: (line: string) => void,
	smtpUrl: string
) {
	const authenticatorUrl = `postgresql://authenticator:${encodeURIComponent(secrets.authenticatorPassword)}@${host}:${postgres.port}/postgres`;
	const [restPort, restAdminPort, authPort, realtimePort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
	return {
		postgrest: { binary, port: restPort, adminPort: restAdminPort, host, dbUrl: authenticatorUrl, jwtSecret: secrets.jwtSecret, log },
		// Recovery mail goes to the stack's mail catcher (or to SUPABASE_LOCAL_SMTP_URL when one is given).
		auth: {
			port: authPort,
			host,
			dbUrl: postgres.url,
			jwtSecret: secrets.jwtSecret,
			log,
			mail: mailSender(log, process.env.SUPABASE_LOCAL_SMTP_URL ?? smtpUrl)
		},
		realtime: { port: realtimePort, host, dbUrl: postgres.url, jwtSecret: secrets.jwtSecret, log }
	} satisfies Omit<StartOptions, 'postgres'>;
}

async function startServices(options: Awaited<ReturnType<typeof serviceOptions>>) {
	const [postgrest, auth, realtime] = await Promise.all([
		startPostgrest(options.postgrest),
		startAuthServer(options.auth),
		startRealtimeServer(options.realtime)
	]);
	return { postgrest, auth, realtime };
}

/** Clusters made before the superuser was supabase_admin cannot be upgraded in place. */
async function connectSuperuser(postgres: PostgresHandle) {
	try {
		return await connect(postgres.url);
	} catch (error) {
		const code = (error as Error & { code?: string }).code;
		if (code !== '28P01' && code !== '28000') throw error;
		throw new Error(
			'This local database predates the non-superuser `postgres` role (its superuser is not supabase_admin). ' +
				'Run `npm run db:reset` to recreate it.',
			{ cause: error }
		);
	}
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const started = performance.now();
	const log = options.log ?? (() => {});
	const host = options.host ?? process.env.SUPABASE_LOCAL_HOST ?? '127.0.0.1';
	const dataDir = resolve(options.dataDir ?? defaultDataDir());
	await mkdir(dataDir, { recursive: true });
	// The postgres OS user must be able to reach its pgdata inside this folder.
	await chmod(dataDir, 0o755);
	// Before anything starts, so a machine without PostgREST gets one line and nothing to clean up.
	const postgrestBinary = findPostgrest();
	const fallback = describeFallback(postgrestBinary);
	if (fallback) console.error(fallback);
	const secrets = await loadOrCreateSecrets(dataDir);
	const keys = await makeApiKeys(secrets);
	const watchdog = startWatchdog();

	let postgres: PostgresHandle | undefined;
	let running: RunningServices | undefined;
	let services: Awaited<ReturnType<typeof startServices>> | undefined;
	let gateway: GatewayHandle | undefined;
	let supervisor: StackSupervisor | undefined;
	let mail: MailCatcher | undefined;
	const stopAll = async () => {
		await gateway?.stop();
		await mail?.stop();
		if (supervisor) await supervisor.stop();
		else {
			await Promise.all([services?.realtime.stop(), services?.auth.stop(), services?.postgrest.stop()]);
			await postgres?.stop();
		}
		watchdog.release();
	};

	try {
		const dbPort = await freePort(options.dbPort ?? 54322, host);
		const postgresOptions = { dataDir, port: dbPort, host, password: secrets.dbPassword, log };
		postgres = await startPostgres(postgresOptions);
		watchdog.watch(postgres.pid);
		const admin = await connectSuperuser(postgres);
		let fresh: boolean;
		try {
			fresh = await bootstrap(admin, { authenticator: secrets.authenticatorPassword, postgres: secrets.dbPassword });
		} finally {
			await admin.end();
		}
		// Migrations and the seed run as the non-superuser postgres, as on Supabase.
		const db = await connect(postgres.postgresUrl);
		try {
			await applyMigrations(db, options.migrationsDir ?? join(PROJECT_ROOT, 'supabase/migrations'));
			// The project's seed gets the demo links' fixed tokens, which only the embedded stack gives.
			if (fresh)
				await applySeed(db, options.seedFile ?? join(PROJECT_ROOT, 'supabase/seed.sql'), options.seedFile ? [] : [DEMO_LINKS_FILE]);
		} finally {
			await db.end();
		}
		mail = await startMailCatcher({ host, log });
		const serviceConfig = await serviceOptions(secrets, host, postgres, postgrestBinary.path, log, mail.smtpUrl);
		services = await startServices(serviceConfig);
		if (services.postgrest.child.pid) watchdog.watch(services.postgrest.child.pid);
		// One object the supervisor updates as services come back, and the gateway reads per request.
		const current: RunningServices = (running = { postgres, ...services });
		gateway = await startGateway({
			port: await freePort(options.apiPort ?? 54321, host),
			host,
			upstreamHost: host,
			upstreams: () => ({ rest: current.postgrest.port, auth: current.auth.port, realtime: current.realtime.port }),
			apiKeys: [keys.anonKey, keys.serviceRoleKey]
		});
		supervisor = superviseStack(current, { postgres: postgresOptions, ...serviceConfig }, log, (pid) => watchdog.watch(pid));
	} catch (error) {
		await stopAll().catch(() => {});
		throw error;
	}

	const current = running!;
	const watching = supervisor!;
	return {
		apiUrl: `http://${host}:${gateway.port}`,
		dbUrl: current.postgres.url,
		databaseUrl: current.postgres.postgresUrl,
		smtpUrl: mail!.smtpUrl,
		mailUiUrl: mail!.uiUrl,
		mail: mail!,
		anonKey: keys.anonKey,
		serviceRoleKey: keys.serviceRoleKey,
		jwtSecret: secrets.jwtSecret,
		postgrest: postgrestBinary,
		startMs: performance.now() - started,
		childPids: () => [current.postgres.pid, current.postgrest.child.pid].filter((pid): pid is number => typeof pid === 'number'),
		async restartRealtime() {
			await watching.pause('realtime');
			await watching.resume('realtime');
		},
		supervisor: watching,
		stop: stopAll
	};
}

export type { AuthHandle, RealtimeHandle, PostgrestHandle };
