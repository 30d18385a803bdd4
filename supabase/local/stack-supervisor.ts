// The embedded stack's services under the supervisor (supervisor.ts): how each one starts again, how its
// death shows, and what the stack must update when it comes back (the gateway's upstream, the watchdog).
import { startPostgres, type PostgresHandle, type PostgresOptions } from './postgres.ts';
import { startPostgrest, type PostgrestHandle, type PostgrestOptions } from './postgrest.ts';
import { startAuthServer, type AuthHandle, type AuthOptions } from './auth/server.ts';
import { startRealtimeServer, type RealtimeHandle, type RealtimeOptions } from './realtime/server.ts';
import { exitReason, portStopsAnswering, supervise, type Supervised } from './supervisor.ts';

export type ServiceName = 'postgres' | 'postgrest' | 'auth' | 'realtime';

export interface RunningServices {
	postgres: PostgresHandle;
	postgrest: PostgrestHandle;
	auth: AuthHandle;
	realtime: RealtimeHandle;
}

export interface StartOptions {
	postgres: PostgresOptions;
	postgrest: PostgrestOptions;
	auth: AuthOptions;
	realtime: RealtimeOptions;
}

export interface StackSupervisor {
	/** Stops one service on purpose (a fault to test against); the supervisor leaves it down. */
	pause(name: ServiceName): Promise<void>;
	resume(name: ServiceName): Promise<void>;
	/** Stops a server inside this process behind the supervisor's back, as a crash would (tests only). */
	crash(name: 'auth' | 'realtime'): Promise<void>;
	/** Stops every service for good, servers first, the database last. */
	stop(): Promise<void>;
}

export function superviseStack(
	running: RunningServices,
	start: StartOptions,
	log: (line: string) => void,
	watchPid: (pid: number) => void
): StackSupervisor {
	const host = start.auth.host;
	const postgres = supervise<PostgresHandle>(
		{
			name: 'PostgreSQL',
			start: () => startPostgres(start.postgres),
			stop: (handle) => handle.stop(),
			died: (handle) => handle.exited.then((reason) => `${reason}: the database is down, and the servers reconnect once it is back`)
		},
		running.postgres,
		log,
		{ onStart: (handle) => ((running.postgres = handle), watchPid(handle.pid)) }
	);
	const postgrest = supervise<PostgrestHandle>(
		{
			name: 'PostgREST',
			start: () => startPostgrest({ ...start.postgrest, port: running.postgrest.port }),
			stop: (handle) => handle.stop(),
			died: (handle) =>
				new Promise((resolve) => {
					if (handle.child.exitCode !== null || handle.child.signalCode !== null)
						resolve(exitReason(handle.child.exitCode, handle.child.signalCode));
					handle.child.once('exit', (code, signal) => resolve(exitReason(code, signal)));
				})
		},
		running.postgrest,
		log,
		{ onStart: (handle) => ((running.postgrest = handle), handle.child.pid && watchPid(handle.child.pid)) }
	);
	const auth = supervise<AuthHandle>(
		{
			name: 'Auth',
			start: () => startAuthServer({ ...start.auth, port: running.auth.port }),
			stop: (handle) => handle.stop(),
			died: (handle, retired) => portStopsAnswering(host, handle.port, retired)
		},
		running.auth,
		log,
		{ onStart: (handle) => (running.auth = handle) }
	);
	const realtime = supervise<RealtimeHandle>(
		{
			name: 'Realtime',
			start: () => startRealtimeServer({ ...start.realtime, port: running.realtime.port }),
			stop: (handle) => handle.stop(),
			died: (handle, retired) => portStopsAnswering(host, handle.port, retired)
		},
		running.realtime,
		log,
		{ onStart: (handle) => (running.realtime = handle) }
	);
	const services: Record<ServiceName, Supervised<unknown>> = { postgres, postgrest, auth, realtime };
	return {
		pause: (name) => services[name].pause(),
		resume: (name) => services[name].resume(),
		crash: (name) => (name === 'auth' ? auth : realtime).current().stop(),
		async stop() {
			await Promise.all([realtime.stop(), auth.stop(), postgrest.stop()]);
			await postgres.stop();
		}
	};
}
