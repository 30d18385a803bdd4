// postgres_changes through the gateway to the real supabase-js client: the
// payloads of each event, filters, per-binding events, and delivery latency.
import { describe, it, expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import { useRealtimeFixture } from './realtime-helpers.ts';
import { listen, settle } from './realtime-listen.ts';

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const fx = useRealtimeFixture();

describe('realtime postgres_changes', () => {
	it('delivers INSERT, UPDATE and DELETE to a subscriber the policy allows, within a second', async () => {
		const name = await fx.table();
		const alice = randomUUID();
		const feed = await listen((await fx.user(alice)).client, name);
		await feed.subscribed;

		const { rows } = await fx.db.query(
			`insert into public.${name} (owner, body, score, meta) values ($1, 'hello', 7, '{"tags":["a"],"n":1}') returning id, to_json(created_at) #>> '{}' as created_at`,
			[alice]
		);
		const committed = performance.now();
		const insert = await feed.event((p) => p.eventType === 'INSERT');
		expect(insert.at - committed).toBeLessThan(1000);
		const row = {
			id: Number(rows[0].id),
			owner: alice,
			team: null,
			body: 'hello',
			score: 7,
			meta: { tags: ['a'], n: 1 },
			done: false,
			created_at: rows[0].created_at
		};
		expect(insert.payload).toEqual({
			schema: 'public',
			table: name,
			commit_timestamp: expect.stringMatching(ISO_MS),
			eventType: 'INSERT',
			new: row,
			old: {},
			errors: null
		});
		expect(Math.abs(Date.parse(insert.payload.commit_timestamp) - Date.now())).toBeLessThan(5000);

		await fx.db.query(`update public.${name} set body = 'edited', done = true where id = $1`, [rows[0].id]);
		const updatedAt = performance.now();
		const update = await feed.event((p) => p.eventType === 'UPDATE');
		expect(update.at - updatedAt).toBeLessThan(1000);
		expect(update.payload).toMatchObject({ schema: 'public', table: name, eventType: 'UPDATE', errors: null });
		expect(update.payload.new).toEqual({ ...row, body: 'edited', done: true });
		// Default replica identity: the old side of an update is the key, as with wal2json.
		expect(update.payload.old).toEqual({ id: row.id });

		await fx.db.query(`delete from public.${name} where id = $1`, [rows[0].id]);
		const deletedAt = performance.now();
		const removal = await feed.event((p) => p.eventType === 'DELETE');
		expect(removal.at - deletedAt).toBeLessThan(1000);
		expect(removal.payload).toEqual({
			schema: 'public',
			table: name,
			commit_timestamp: expect.stringMatching(ISO_MS),
			eventType: 'DELETE',
			new: {},
			old: { id: row.id },
			errors: null
		});
		expect(feed.system).toContainEqual({
			extension: 'postgres_changes',
			status: 'ok',
			message: 'Subscribed to PostgreSQL',
			channel: expect.any(String)
		});
	});

	it('with replica identity full sends the old row of an UPDATE, but only the key of a DELETE under RLS', async () => {
		const name = await fx.table();
		await fx.db.query(`alter table public.${name} replica identity full`);
		const alice = randomUUID();
		const feed = await listen((await fx.user(alice)).client, name);
		await feed.subscribed;
		const { rows } = await fx.db.query(`insert into public.${name} (owner, body) values ($1, 'before') returning id`, [alice]);
		await fx.db.query(`update public.${name} set body = 'after' where id = $1`, [rows[0].id]);
		const update = await feed.event((p) => p.eventType === 'UPDATE');
		expect(update.payload.old).toMatchObject({ id: Number(rows[0].id), owner: alice, body: 'before' });
		expect(update.payload.new.body).toBe('after');
		await fx.db.query(`delete from public.${name} where id = $1`, [rows[0].id]);
		expect((await feed.event((p) => p.eventType === 'DELETE')).payload.old).toEqual({ id: Number(rows[0].id) });
	});

	it('honours filters, evaluated with the column type, and refuses a join with a bad one', async () => {
		const name = await fx.table();
		const alice = randomUUID();
		const { client } = await fx.user(alice);
		const feed = await listen(client, name, [
			{ event: 'INSERT', filter: 'body=eq.keep' },
			{ event: 'INSERT', filter: 'score=gt.9' },
			{ event: 'INSERT', filter: 'body=in.(x,"a,b")' }
		]);
		await feed.subscribed;
		for (const [body, score] of [
			['skip', 2],
			['keep', 3],
			['other', 10],
			['a,b', 1]
		] as const) {
			await fx.db.query(`insert into public.${name} (owner, body, score) values ($1, $2, $3)`, [alice, body, score]);
		}
		await feed.event((p) => p.new.body === 'a,b');
		await settle(300);
		expect(feed.received.map((r) => [r.index, r.payload.new.body])).toEqual([
			[0, 'keep'],
			[1, 'other'],
			[2, 'a,b']
		]);

		const bad = await listen(client, name, [{ event: 'INSERT', filter: 'score=eq.not-a-number' }]);
		await expect(bad.subscribed).rejects.toThrow(/invalid input syntax for type integer/);
		await client.removeChannel(bad.channel);
	});

	it("calls a binding only for its event, and '*' for all of them", async () => {
		const name = await fx.table();
		const alice = randomUUID();
		const feed = await listen((await fx.user(alice)).client, name, [{ event: 'INSERT' }, { event: 'DELETE' }, { event: '*' }]);
		await feed.subscribed;
		// Each step waits for the last: an INSERT still unread when its row is deleted fails the RLS check.
		const { rows } = await fx.db.query(`insert into public.${name} (owner) values ($1) returning id`, [alice]);
		await feed.event((p) => p.eventType === 'INSERT');
		await fx.db.query(`update public.${name} set score = 1 where id = $1`, [rows[0].id]);
		await feed.event((p) => p.eventType === 'UPDATE');
		await fx.db.query(`delete from public.${name} where id = $1`, [rows[0].id]);
		await feed.until(() => (feed.received.length >= 5 ? true : undefined), 'five callbacks');
		await settle(300);
		const calls = feed.received.map((r) => `${r.index}:${r.payload.eventType}`).sort();
		expect(calls).toEqual(['0:INSERT', '1:DELETE', '2:DELETE', '2:INSERT', '2:UPDATE']);
	});

	it('measures the median delivery latency from commit to callback over 20 inserts', async () => {
		const name = await fx.table();
		const alice = randomUUID();
		const feed = await listen((await fx.user(alice)).client, name, [{ event: 'INSERT' }]);
		await feed.subscribed;
		const latencies: number[] = [];
		for (let i = 0; i < 20; i++) {
			await fx.db.query(`insert into public.${name} (owner, score) values ($1, $2)`, [alice, i]);
			const committed = performance.now();
			latencies.push((await feed.event((p) => p.new.score === i)).at - committed);
		}
		latencies.sort((a, b) => a - b);
		const median = (latencies[9] + latencies[10]) / 2;
		console.log(
			`realtime delivery latency over 20 inserts: median ${median.toFixed(1)} ms, min ${latencies[0].toFixed(1)} ms, max ${latencies[19].toFixed(1)} ms`
		);
		expect(median).toBeLessThan(500);
	});
});
