// GoTrue's ban_duration: "none" lifts a ban, otherwise a Go duration such as "24h" or "1h30m".
import { badRequest } from './errors.ts';

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s|us|µs|ns))+$/;

/** The banned_until to store: a Date, or null for "none". */
// Go's time.Duration is an int64 of nanoseconds: about 292 years; ParseDuration refuses more.
const MAX_DURATION_MS = 9_223_372_036_854;

export function banUntil(duration: string): Date | null {
	if (duration === 'none') return null;
	const invalid = () => badRequest('validation_failed', `invalid format for ban duration: time: invalid duration "${duration}"`);
	if (duration.length > 100 || !DURATION.test(duration)) throw invalid();
	let ms = 0;
	for (const [, amount, unit] of duration.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g)) ms += Number(amount) * UNIT_MS[unit];
	if (!Number.isFinite(ms) || ms > MAX_DURATION_MS) throw invalid();
	return new Date(Date.now() + ms);
}
