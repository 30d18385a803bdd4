// Counts events per key (an e-mail, an address) in a sliding window, in memory: failed sign-ins in the
// app's login action and in the local Auth server, page loads of /f/* and /t/*. Plain TypeScript with
// no SvelteKit imports, so the local stack can load it too. One process's memory: behind a load
// balancer each instance counts its own.

export interface WindowRule {
	/** Events allowed per key inside the window; the next one is refused. */
	maxEvents: number;
	windowMs: number;
}

export class SlidingWindowLimit {
	private readonly events = new Map<string, number[]>();
	private readonly rule: WindowRule;
	private readonly now: () => number;

	constructor(rule: WindowRule, now: () => number = Date.now) {
		this.rule = rule;
		this.now = now;
	}

	/** Milliseconds until `key` may try again, or 0 when it may try now. */
	retryAfterMs(key: string): number {
		const recent = this.recent(key);
		if (recent.length < this.rule.maxEvents) return 0;
		return Math.max(1, recent[recent.length - this.rule.maxEvents] + this.rule.windowMs - this.now());
	}

	record(key: string): void {
		const recent = this.recent(key);
		recent.push(this.now());
		this.events.set(key, recent);
		// Keep memory bounded under a spray of distinct keys: forget the oldest keys first.
		if (this.events.size > 50_000) this.events.delete(this.events.keys().next().value!);
	}

	/** Forgets the key (a person who finally typed the password right is not punished later). */
	clear(key: string): void {
		this.events.delete(key);
	}

	private recent(key: string): number[] {
		const since = this.now() - this.rule.windowMs;
		const kept = (this.events.get(key) ?? []).filter((at) => at > since);
		if (kept.length === 0) this.events.delete(key);
		return kept;
	}
}
