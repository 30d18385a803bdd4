// Filter poisoning: one subscriber's filter must only ever affect that subscriber. A filter
// whose value cannot be evaluated against the column is refused at join (a class of bad
// values, operators and patterns), and a condition that fails at delivery anyway fails alone.
import { describe, it, expect } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { useRealtimeFixture } from './realtime-helpers.ts';
import { listen, settle } from './realtime-listen.ts';

const fx = useRealtimeFixture();

// Each of these passed the old join check (Postgres folded the comparison with a NULL
// sample away) or fails only against a real row, and would then break delivery.
const POISON = [
	'status=eq.not_a_status',
	'status=neq.not_a_status',
	'status=in.(open,not_a_status)',
	'owner=eq.not-a-uuid',
	'created_at=gt.not-a-date',
	'score=lt.12abc',
	'done=eq.maybe',
	'meta=eq.{not json',
	'body=match.(unclosed',
	'body=imatch.[z-a]',
	'score=is.true',
	'score=isdistinct.x'
];

describe('realtime filter poisoning', () => {
	it('refuses every filter it could not evaluate, and the valid subscribers keep receiving', async () => {
		const name = await fx.table();
		const status = `rt_status_${randomBytes(4).toString('hex')}`;
		await fx.db.query(`create type public.${status} as enum ('open', 'closed')`);
		await fx.db.query(`alter table public.${name} add column status public.${status} not null default 'open'`);
		const alice = randomUUID();
		const { client } = await fx.user(alice);
		const victim = await listen(client, name, [{ event: 'INSERT', filter: 'status=eq.open' }]);
		await victim.subscribed;

		const attacker = (await fx.user(randomUUID())).client;
		const attempts = await Promise.all(POISON.map((filter) => listen(attacker, name, [{ event: 'INSERT', filter }])));
		const outcomes = await Promise.all(
			attempts.map((attempt) =>
				attempt.subscribed.then(
					() => 'joined',
					(error: Error) => error.message
				)
			)
		);
		for (const [i, outcome] of outcomes.entries()) {
			expect(outcome, POISON[i]).toMatch(/^Unable to subscribe to changes with given parameters: /);
		}

		await fx.db.query(`insert into public.${name} (owner, body, status) values ($1, 'first', 'open'), ($1, 'skipped', 'closed')`, [alice]);
		expect((await victim.event((p) => p.new.body === 'first')).payload.new.status).toBe('open');
		await settle(300);
		expect(victim.received.map((r) => r.payload.new.body)).toEqual(['first']);
		for (const attempt of attempts) await attacker.removeChannel(attempt.channel);
		await fx.db.query(`drop table public.${name}`);
		await fx.db.query(`drop type public.${status}`);
	});

	it('evaluates a condition that fails at delivery on its own, so only its subscriber misses the change', async () => {
		const name = await fx.table();
		const alice = randomUUID();
		const victim = await listen((await fx.user(alice)).client, name, [{ event: 'INSERT', filter: 'score=gt.0' }]);
		const stale = await listen((await fx.user(alice)).client, name, [{ event: 'INSERT', filter: 'body=eq.abc' }]);
		await Promise.all([victim.subscribed, stale.subscribed]);
		// Valid when joined; after this its value no longer casts to the column's type.
		await fx.db.query(`alter table public.${name} alter column body type int using null`);

		await fx.db.query(`insert into public.${name} (owner, score, body) values ($1, 5, 3)`, [alice]);
		expect((await victim.event((p) => p.new.score === 5)).payload.new.body).toBe(3);
		await settle(300);
		expect(stale.received).toEqual([]);
	});
});
