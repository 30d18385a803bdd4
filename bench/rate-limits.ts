// Fixed rate-limit rules for the benchmark's own throwaway stack: every load generator shares one
// address and one poster, so the product's limits would turn most requests away and the run would
// measure refusals. The rules are rows (editable without a migration), so only this stack changes.
import type pg from 'pg';

export const BENCH_ATTEMPTS_PER_MINUTE = 100_000_000;

export async function useBenchRateLimits(db: pg.Client): Promise<void> {
	await db.query('update private.rate_limit_rules set max_attempts_per_minute = $1', [BENCH_ATTEMPTS_PER_MINUTE]);
}
