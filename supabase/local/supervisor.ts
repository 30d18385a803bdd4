// Keeps the embedded stack's servers running, as a process manager would: a PostgREST, Auth or Realtime
// server that dies is started again with exponential backoff, and the log says what died and why. A
// PostgreSQL crash is reported as one, and the database is started again on the same data and port; the
// servers reconnect on their own (PostgREST retries its pool, Auth's pool opens new connections, the
// Realtime feed makes a new slot).
import { connect as netConnect } from 'node:net';

export interface ServiceSpec<H> {
	name: string;
	start(): Promise<H>;
	stop(handle: H): Promise<void>;
	/** Resolves with the reason once this instance dies; never resolves for one still healthy. */
	died(handle: H, retired: () => boolean): Promise<string>;
}

export interface Supervised<H> {
	readonly name: string;
	current(): H;
	/** A deliberate stop: not restarted until resume(). */
	pause(): Promise<void>;
	resume(): Promise<void>;
	/** Stops it for good (the stack is stopping). */
	stop(): Promise<void>;
}

export interface Backoff {
	firstMs: number;
	maxMs: number;
	/** Up this long, and the next death starts again from firstMs. */
	stableMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 200, maxMs: 5_000, stableMs: 10_000 };

export function supervise<H>(
	spec: ServiceSpec<H>,
	first: H,
	log: (line: string) => void,
	options: { backoff?: Backoff; onStart?: (handle: H) => void } = {}
): Supervised<H> {
	const backoff = options.backoff ?? DEFAULT_BACKOFF;
	let handle = first;
	let held = false;
	let delay = backoff.firstMs;
	let startedAt = Date.now();
	let quickDeaths = 0;
	let timer: NodeJS.Timeout | undefined;
	const retired = new WeakSet<object>();
	const say = (line: string) => log(`[supervisor] ${spec.name} ${line}`);

	const restart = async (attempt: number) => {
		timer = undefined;
		if (held) return;
		try {
			handle = await spec.start();
			startedAt = Date.now();
			options.onStart?.(handle);
			say(`is running again (restart ${attempt})`);
			watch(handle);
		} catch (error) {
			delay = Math.min(delay * 2, backoff.maxMs);
			say(`did not start: ${(error as Error).message}; next try in ${delay} ms`);
			timer = setTimeout(() => void restart(attempt + 1), delay);
		}
	};

	const watch = (watched: H) => {
		void spec
			.died(watched, () => retired.has(watched as object))
			.then((reason) => {
				if (retired.has(watched as object) || held) return;
				retired.add(watched as object);
				// Dying again soon after a restart doubles the wait; a run that lasted starts from the first step.
				const quick = Date.now() - startedAt < backoff.stableMs;
				delay = quick && quickDeaths > 0 ? Math.min(delay * 2, backoff.maxMs) : backoff.firstMs;
				quickDeaths = quick ? quickDeaths + 1 : 0;
				say(`died (${reason}); restarting in ${delay} ms`);
				timer = setTimeout(() => void restart(1), delay);
			});
	};
	watch(handle);

	const retire = async () => {
		held = true;
		clearTimeout(timer);
		timer = undefined;
		if (retired.has(handle as object)) return;
		retired.add(handle as object);
		await spec.stop(handle);
	};

	return {
		name: spec.name,
		current: () => handle,
		async pause() {
			say('stopped on purpose');
			await retire();
		},
		async resume() {
			held = false;
			delay = backoff.firstMs;
			handle = await spec.start();
			startedAt = Date.now();
			options.onStart?.(handle);
			say('started again on purpose');
			watch(handle);
		},
		stop: retire
	};
}

/** For servers inside this process: dead once its port refuses connections twice in a row. */
export async function portStopsAnswering(host: string, port: number, retired: () => boolean, everyMs = 500): Promise<string> {
	let refusals = 0;
	while (!retired()) {
		await new Promise((resolve) => setTimeout(resolve, everyMs));
		const answered = await new Promise<boolean>((resolve) => {
			const socket = netConnect(port, host);
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		refusals = answered ? 0 : refusals + 1;
		if (refusals >= 2) return `port ${port} refuses connections`;
	}
	return 'retired';
}

/** A child process's end in words: "exited with code 1", "killed by SIGKILL". */
export function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
	return signal ? `killed by ${signal}` : `exited with code ${code}`;
}
