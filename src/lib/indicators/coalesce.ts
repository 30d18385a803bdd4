// Bursts of change notices become at most one refetch per window: the first runs at once, the rest
// collapse into one trailing run, and a run never overlaps the previous one.
export function coalesce(run: () => Promise<unknown>, windowMs: number): { notify(): void; stop(): void } {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let pending = false;
	let running = false;
	let lastStart = -Infinity;
	let stopped = false;

	async function start() {
		timer = null;
		if (stopped) return;
		pending = false;
		running = true;
		lastStart = Date.now();
		try {
			await run();
		} finally {
			running = false;
			if (pending) schedule();
		}
	}

	function schedule() {
		if (timer || running || stopped) return;
		const wait = Math.max(0, lastStart + windowMs - Date.now());
		timer = setTimeout(start, wait);
	}

	return {
		notify() {
			pending = true;
			schedule();
		},
		stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
		}
	};
}
