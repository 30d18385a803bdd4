// Real PostgREST 12.0.2, configured as the Supabase CLI configures it; postgrest-binary.ts finds the binary.
import { spawn, type ChildProcess } from 'node:child_process';

export interface PostgrestOptions {
	/** The executable, from findPostgrest(). */
	binary: string;
	port: number;
	adminPort: number;
	host: string;
	dbUrl: string;
	jwtSecret: string;
	schemas?: string;
	log?: (line: string) => void;
}

export interface PostgrestHandle {
	port: number;
	child: ChildProcess;
	stop(): Promise<void>;
}

async function waitUntilReady(adminPort: number, host: string, child: ChildProcess, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`PostgREST exited with code ${child.exitCode}`);
		const ready = await fetch(`http://${host}:${adminPort}/ready`).then(
			(r) => r.ok,
			() => false
		);
		if (ready) return;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error('PostgREST did not become ready');
}

export async function startPostgrest(options: PostgrestOptions): Promise<PostgrestHandle> {
	const log = options.log ?? (() => {});
	const child = spawn(options.binary, [], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			PATH: process.env.PATH ?? '',
			PGRST_DB_URI: options.dbUrl,
			PGRST_DB_SCHEMAS: options.schemas ?? 'public,graphql_public',
			PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
			PGRST_DB_ANON_ROLE: 'anon',
			PGRST_DB_MAX_ROWS: '1000',
			PGRST_DB_CHANNEL_ENABLED: 'true',
			PGRST_JWT_SECRET: options.jwtSecret,
			PGRST_JWT_ROLE_CLAIM_KEY: '.role',
			PGRST_SERVER_HOST: options.host,
			PGRST_SERVER_PORT: String(options.port),
			PGRST_ADMIN_SERVER_PORT: String(options.adminPort),
			PGRST_LOG_LEVEL: 'error'
		}
	});
	child.stdout?.on('data', (chunk) => log(`[postgrest] ${String(chunk).trimEnd()}`));
	child.stderr?.on('data', (chunk) => log(`[postgrest] ${String(chunk).trimEnd()}`));
	try {
		await waitUntilReady(options.adminPort, options.host, child, 15_000);
	} catch (error) {
		child.kill('SIGKILL');
		throw error;
	}
	return {
		port: options.port,
		child,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
