// Who gets a change: RLS per subscriber, tokens swapped over the socket,
// the publication, and column grants, all decided by Postgres.
import { describe, it, expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import { serviceRoleKey } from './env.ts';
import { useRealtimeFixture, userToken } from './realtime-helpers.ts';
import { listen, settle } from './realtime-listen.ts';
import { signJwt } from '../../supabase/local/keys.ts';

const fx = useRealtimeFixture();

describe('realtime access', () => {
	it('sends nothing to a subscriber the policy denies, while allowed ones get the row', async () => {
		const name = await fx.table();
		const [alice, bob] = [randomUUID(), randomUUID()];
		const aliceFeed = await listen((await fx.user(alice)).client, name);
		const bobFeed = await listen((await fx.user(bob)).client, name);
		const serviceFeed = await listen(fx.client(serviceRoleKey()), name);
		await Promise.all([aliceFeed.subscribed, bobFeed.subscribed, serviceFeed.subscribed]);

		const { rows } = await fx.db.query(`insert into public.${name} (owner, body) values ($1, 'secret') returning id`, [alice]);
		await aliceFeed.event((p) => p.eventType === 'INSERT' && p.new.body === 'secret');
		await serviceFeed.event((p) => p.eventType === 'INSERT' && p.new.body === 'secret');
		await fx.db.query(`update public.${name} set body = 'still secret' where id = $1`, [rows[0].id]);
		await aliceFeed.event((p) => p.eventType === 'UPDATE');
		await settle(1000);
		expect(bobFeed.received).toEqual([]);

		// Deletes are not RLS-checked (the row is gone), so everyone hears of them, key only.
		await fx.db.query(`delete from public.${name} where id = $1`, [rows[0].id]);
		expect((await bobFeed.event((p) => p.eventType === 'DELETE')).payload.old).toEqual({ id: Number(rows[0].id) });
	});

	it('applies a token sent over the socket, and closes the channel on a bad one', async () => {
		const name = await fx.table();
		const [alice, bob] = [randomUUID(), randomUUID()];
		const aliceFeed = await listen((await fx.user(alice)).client, name);
		const bobUser = await fx.user(bob, { team: 'blue' });
		const bobFeed = await listen(bobUser.client, name);
		await Promise.all([aliceFeed.subscribed, bobFeed.subscribed]);

		await fx.db.query(`insert into public.${name} (owner, team, body) values ($1, 'red', 'first')`, [alice]);
		await aliceFeed.event((p) => p.new.body === 'first');
		await settle(1000);
		expect(bobFeed.received).toEqual([]);

		await bobUser.setToken(await userToken(fx.target.jwtSecret, bob, { team: 'red' }));
		await fx.db.query(`insert into public.${name} (owner, team, body) values ($1, 'red', 'second')`, [alice]);
		expect((await bobFeed.event((p) => p.new.body === 'second')).payload.new.team).toBe('red');

		const forged = await signJwt(
			{ sub: bob, role: 'authenticated', exp: Math.floor(Date.now() / 1000) + 60 },
			'not-the-secret-not-the-secret-not-the-secret'
		);
		await bobUser.setToken(forged);
		await bobFeed.until(() => (bobFeed.statuses.includes('CLOSED') ? true : undefined), 'the channel to close');
		expect(bobFeed.system).toContainEqual({ extension: 'system', status: 'error', message: 'Invalid token', channel: expect.any(String) });
	});

	it('sends nothing for a table outside the supabase_realtime publication', async () => {
		const [hidden, published] = [await fx.table({ publish: false }), await fx.table()];
		const alice = randomUUID();
		const { client } = await fx.user(alice);
		const hiddenFeed = await listen(client, hidden);
		const publishedFeed = await listen(client, published);
		await Promise.all([hiddenFeed.subscribed, publishedFeed.subscribed]);
		await fx.db.query(`insert into public.${hidden} (owner, body) values ($1, 'unseen')`, [alice]);
		await fx.db.query(`insert into public.${published} (owner, body) values ($1, 'seen')`, [alice]);
		await publishedFeed.event((p) => p.new.body === 'seen');
		await settle(1000);
		expect(hiddenFeed.received).toEqual([]);
	});

	it('leaves out the columns the role cannot select', async () => {
		const name = await fx.table();
		await fx.db.query(`revoke select on public.${name} from authenticated`);
		await fx.db.query(`grant select (id, owner, body) on public.${name} to authenticated`);
		const alice = randomUUID();
		const feed = await listen((await fx.user(alice)).client, name);
		await feed.subscribed;
		await fx.db.query(`insert into public.${name} (owner, body, score, meta) values ($1, 'visible', 5, '{}')`, [alice]);
		const insert = await feed.event((p) => p.eventType === 'INSERT');
		expect(insert.payload.new).toEqual({ id: expect.any(Number), owner: alice, body: 'visible' });
	});
});
