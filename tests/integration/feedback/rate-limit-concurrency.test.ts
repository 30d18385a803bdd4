// The sharded rate-limit counters under concurrency: no more attempts admitted than the limit, and
// the attempts spread over several rows instead of queueing on one.
import { describe, it, expect, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { dbUrl } from '../env.ts';
import { app, createInvitation, newSubmissionToken, sql, testAddress } from './fixtures.ts';

async function awayFromMinuteEnd() {
	const secondsLeft = 60 - new Date().getSeconds();
	if (secondsLeft < 25) await new Promise((resolve) => setTimeout(resolve, secondsLeft * 1000 + 500));
}

/** Runs `count` calls with at most `width` in flight. */
async function pool<T>(count: number, width: number, call: (index: number) => Promise<T>): Promise<T[]> {
	const results: T[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (next < count) {
				const index = next++;
				results[index] = await call(index);
			}
		})
	);
	return results;
}

describe('sharded rate limits under concurrency', () => {
	const scope = `test_${randomUUID()}`;
	afterAll(async () => {
		await sql('delete from private.rate_limit_rules where scope = $1', [scope]);
	});

	it('admits exactly the limit from 20 concurrent sessions, over several slot rows', async () => {
		await awayFromMinuteEnd();
		const limit = 137; // not a multiple of the slot count, so the remainder is spread too
		await sql('insert into private.rate_limit_rules (scope, max_attempts_per_minute) values ($1, $2)', [scope, limit]);
		const bucket = `test:${randomUUID()}`;
		const sessions = await Promise.all(Array.from({ length: 20 }, async () => {
			const client = new pg.Client({ connectionString: dbUrl() });
			await client.connect();
			return client;
		}));
		try {
			const refused = await pool(300, sessions.length, async (index) => {
				const db = sessions[index % sessions.length];
				// Each attempt in its own transaction that stays open a moment, as a submission's would.
				await db.query('begin');
				const { rows } = await db.query('select private.over_rate_limit($1, $2) as refused', [scope, bucket]);
				await db.query('select pg_sleep(0.005)');
				await db.query('commit');
				return rows[0].refused as boolean;
			});
			expect(refused.filter((value) => !value)).toHaveLength(limit);
			const slots = await sql<{ slots: string; attempts: string }>(
				'select count(*) as slots, sum(attempts) as attempts from private.rate_limit_slots where bucket = $1',
				[bucket]
			);
			expect(Number(slots[0].attempts)).toBe(limit);
			expect(Number(slots[0].slots)).toBeGreaterThan(1);
		} finally {
			await Promise.all(sessions.map((session) => session.end()));
		}
	}, 90_000);

	it('holds a campaign poster to its per-minute limit when many phones submit at once', async () => {
		await awayFromMinuteEnd();
		const limit = Number((await sql('select max_attempts_per_minute as n from private.rate_limit_rules where scope = $1', ['campaign_invitation']))[0].n);
		const { id, token } = await createInvitation({ kind: 'campaign', offersComplaint: true });
		// Cheap attempts (a bad submission token) count like real ones; each phone has its own address.
		const outcomes = await pool(limit + 40, 32, async () => {
			const { data, error } = await app().rpc('submit_feedback_item', {
				p_token: token,
				p_submission: 'x',
				p_item: {},
				p_client_address: testAddress()
			});
			if (error) throw new Error(error.message);
			return data.outcome as string;
		});
		expect(outcomes.filter((outcome) => outcome === 'invalid')).toHaveLength(limit);
		expect(outcomes.filter((outcome) => outcome === 'rate_limited')).toHaveLength(40);
		const rows = await sql<{ slots: string }>('select count(*) as slots from private.rate_limit_slots where bucket = $1', [`invitation:${id}`]);
		expect(Number(rows[0].slots)).toBeGreaterThan(1);
	}, 120_000);
});
