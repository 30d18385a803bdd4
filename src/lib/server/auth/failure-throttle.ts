// Counts failed sign-ins per key (an e-mail, an address) in a sliding window, in memory. Used by the
// app's login action (so hosted Supabase is protected too) and by the local Auth server. Plain
// TypeScript with no SvelteKit imports, so both can load it.

export interface ThrottleRule {
	/** Failures allowed per key inside the window; the next attempt is refused, even with the right password. */
	maxFailures: number;
	windowMs: number;
}

export class FailureThrottle {
	private readonly failures = new Map<string, number[]>();
	private readonly rule: ThrottleRule;
	private readonly now: () => number;

	constructor(rule: ThrottleRule, now: () => number = Date.now) {
		this.rule = rule;
		this.now = now;
	}

	/** Milliseconds until `key` may try again, or 0 when it may try now. */
	retryAfterMs(key: string): number {
		const recent = this.recent(key);
		if (recent.length < this.rule.maxFailures) return 0;
		return Math.max(1, recent[recent.length - this.rule.maxFailures] + this.rule.windowMs - this.now());
	}

	recordFailure(key: string): void {
		const recent = this.recent(key);
		recent.push(this.now());
		this.failures.set(key, recent);
		// Keep memory bounded under a spray of distinct keys: forget the oldest keys first.
		if (this.failures.size > 50_000) this.failures.delete(this.failures.keys().next().value!);
	}

	/** A success clears the key's failures (a person who finally typed it right is not punished later). */
	recordSuccess(key: string): void {
		this.failures.delete(key);
	}

	private recent(key: string): number[] {
		const since = this.now() - this.rule.windowMs;
		const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
		if (kept.length === 0) this.failures.delete(key);
		return kept;
	}
}
