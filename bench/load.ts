// One load run with autocannon: requests/s, latency percentiles from every response's own time
// (autocannon's summary has no p95), and errors counted as non-2xx/3xx, socket errors and answers whose
// body says the submission was not stored.
import autocannon from 'autocannon';

export interface LoadRun {
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
	requests: number;
}

export interface LoadOptions {
	url: string;
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	/** A new body per request (each submission needs its own token). */
	body: () => string;
	/** True when the answer means "stored"; anything else counts as an error. */
	stored: (status: number, body: string) => boolean;
	connections?: number;
	durationSeconds?: number;
}

/** Seconds per run: 20 unless BENCH_SECONDS asks for a quick one. */
export function runSeconds(): number {
	const asked = Number(process.env.BENCH_SECONDS);
	return Number.isFinite(asked) && asked > 0 ? asked : 20;
}

export function percentile(sorted: number[], fraction: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

export async function load(options: LoadOptions): Promise<LoadRun> {
	const times: number[] = [];
	let refused = 0;
	// The callback form, whose typings return the instance (to count every response) as well as the result.
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{
				url: options.url,
				connections: options.connections ?? 64,
				duration: options.durationSeconds ?? runSeconds(),
				// A request that takes longer than this is a failure a phone would see, not a slow success.
				timeout: 10,
				requests: [
					{
						method: options.method ?? 'POST',
						headers: options.headers,
						setupRequest: (request) => ({ ...request, body: options.body() }),
						onResponse: (status, body) => {
							if (!options.stored(status, String(body))) refused++;
						}
					}
				]
			},
			(error, finished) => (error ? reject(error) : resolve(finished))
		);
		instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
	});
	times.sort((a, b) => a - b);
	const round = (ms: number) => Math.round(ms * 10) / 10;
	return {
		rps: Math.round(result.requests.average),
		p50: round(percentile(times, 0.5)),
		p95: round(percentile(times, 0.95)),
		p99: round(percentile(times, 0.99)),
		errors: refused + result.errors,
		requests: result.requests.total
	};
}
