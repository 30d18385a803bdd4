// Private channels and Broadcast from the database, with the real supabase-js client on
// its default settings. Access is decided by RLS on realtime.messages, through test-only
// policies on this file's own topics: red-team users may read them, writers may send.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { anonKey, serviceRoleKey } from './env.ts';
import { signIn, demoStaff } from './actors.ts';
import { useRealtimeFixture, userToken } from './realtime-helpers.ts';
import { joinChannel } from './realtime-channels.ts';
import { settle } from './realtime-listen.ts';

const fx = useRealtimeFixture();
const prefix = `rt-private-${randomBytes(4).toString('hex')}`;
const policies = [`${prefix} read`, `${prefix} write`, `${prefix} managers read`];
const staffTopic = `${prefix}-staff`;
const topic = () => `${prefix}-${randomUUID()}`;
const refusal = (name: string) => `Unauthorized: You do not have permissions to read from this Channel topic: ${name}`;

beforeAll(async () => {
	await fx.db.query(`create policy "${policies[0]}" on realtime.messages for select to authenticated
		using (realtime.topic() like '${prefix}-%' and (select auth.jwt()) ->> 'team' = 'red')`);
	await fx.db.query(`create policy "${policies[1]}" on realtime.messages for insert to authenticated
		with check (realtime.topic() like '${prefix}-%' and (select auth.jwt()) ->> 'writer' = 'yes')`);
	// The shape the dashboard's policy takes: a staff role, read through the security-definer helper.
	await fx.db.query(`create policy "${policies[2]}" on realtime.messages for select to authenticated
		using (realtime.topic() = '${staffTopic}' and (select private.has_staff_role('manager')))`);
});

afterAll(async () => {
	for (const policy of policies) await fx.db.query(`drop policy if exists "${policy}" on realtime.messages`);
});

const red = (extra: Record<string, unknown> = {}) => fx.user(randomUUID(), { team: 'red', ...extra });

describe('realtime private channels', () => {
	it('lets a subscriber join only when the SELECT policy lets it read the topic, and leaves no rows behind', async () => {
		const name = topic();
		const allowed = await joinChannel((await red()).client, name, { isPrivate: true });
		await allowed.subscribed();
		const service = await joinChannel(fx.client(serviceRoleKey()), name, { isPrivate: true });
		await service.subscribed();

		const blue = await joinChannel((await fx.user(randomUUID(), { team: 'blue' })).client, name, { isPrivate: true });
		await expect(blue.subscribed()).rejects.toThrow(refusal(name));
		const anon = await joinChannel(fx.client(anonKey()), name, { isPrivate: true });
		await expect(anon.subscribed()).rejects.toThrow(refusal(name));
		// The policy names this file's topics only.
		const elsewhere = `other-${randomUUID()}`;
		const outside = await joinChannel((await red()).client, elsewhere, { isPrivate: true });
		await expect(outside.subscribed()).rejects.toThrow(refusal(elsewhere));

		const { rows } = await fx.db.query(`select count(*)::int as n from realtime.messages where topic in ($1, $2)`, [name, elsewhere]);
		expect(rows[0].n).toBe(0);
	});

	it('authorises a signed-in staff session by its staff role, as the dashboard channel will be', async () => {
		const manager = await signIn(demoStaff.manager.email);
		const agent = await signIn(demoStaff.agent.email);
		const allowed = await joinChannel(manager, staffTopic, { isPrivate: true });
		await allowed.subscribed();
		const refused = await joinChannel(agent, staffTopic, { isPrivate: true });
		await expect(refused.subscribed()).rejects.toThrow(refusal(staffTopic));
		await fx.db.query(`select realtime.send('{"changed": "responses"}', 'refresh', $1, true)`, [staffTopic]);
		expect((await allowed.broadcast('refresh')).payload).toMatchObject({ changed: 'responses' });
		for (const client of [manager, agent]) await client.removeAllChannels();
	});

	it('delivers realtime.send() from a trigger to the private subscribers of the topic only', async () => {
		const name = topic();
		const table = await fx.table();
		await fx.db.query(`create function public.${table}_send() returns trigger language plpgsql as $$
			begin
				perform realtime.send(jsonb_build_object('row', new.id, 'body', new.body), 'row_added', '${name}', true);
				perform realtime.broadcast_changes('${name}', tg_op, tg_op, tg_table_name, tg_table_schema, new, old);
				if new.body = 'public too' then
					perform realtime.send(jsonb_build_object('row', new.id), 'public_row', '${name}', false);
				end if;
				return new;
			end $$`);
		await fx.db.query(`create trigger send_rows after insert on public.${table} for each row execute function public.${table}_send()`);
		const subscriber = await joinChannel((await red()).client, name, { isPrivate: true });
		const publicListener = await joinChannel(fx.client(anonKey()), name);
		await Promise.all([subscriber.subscribed(), publicListener.subscribed()]);

		// A rolled-back transaction sends nothing.
		await fx.db.query('begin');
		await fx.db.query(`insert into public.${table} (owner, body) values ($1, 'rolled back')`, [randomUUID()]);
		await fx.db.query('rollback');
		const committedAt = performance.now();
		const { rows } = await fx.db.query(`insert into public.${table} (owner, body) values ($1, 'public too') returning id`, [randomUUID()]);
		const row = Number(rows[0].id);

		const sent = await subscriber.broadcast('row_added');
		console.log(`broadcast from the database, commit to callback: ${(performance.now() - committedAt).toFixed(1)} ms`);
		expect(sent.payload).toEqual({ row, body: 'public too', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
		expect(sent.meta).toEqual({ id: sent.payload.id });
		const change = await subscriber.broadcast('INSERT');
		expect(change.payload).toMatchObject({
			operation: 'INSERT',
			table,
			schema: 'public',
			old_record: null,
			record: { id: row, body: 'public too' }
		});
		expect((await publicListener.broadcast('public_row')).payload).toMatchObject({ row });

		await settle(300);
		expect(subscriber.broadcasts.map((b) => b.event).sort()).toEqual(['INSERT', 'row_added']);
		expect(publicListener.broadcasts.map((b) => b.event)).toEqual(['public_row']);
		expect(subscriber.broadcasts.some((b) => b.payload.body === 'rolled back')).toBe(false);
		await fx.db.query(`drop function public.${table}_send() cascade`);
	});

	it('never fails the write that calls realtime.send(): without an INSERT policy it sends nothing, as security definer it sends', async () => {
		const name = topic();
		const table = await fx.table();
		await fx.db.query(`grant insert on public.${table} to authenticated`);
		await fx.db.query(`create policy "anyone inserts" on public.${table} for insert to authenticated with check (true)`);
		for (const [kind, security] of [
			['invoker', 'security invoker'],
			['definer', 'security definer']
		]) {
			await fx.db.query(`create function public.${table}_${kind}() returns trigger language plpgsql ${security} set search_path = '' as $$
				begin perform realtime.send(jsonb_build_object('body', new.body), '${kind}', '${name}', true); return new; end $$`);
			await fx.db.query(
				`create trigger ${kind}_sends after insert on public.${table} for each row execute function public.${table}_${kind}()`
			);
		}
		const subscriber = await joinChannel((await red()).client, name, { isPrivate: true });
		await subscriber.subscribed();

		// As PostgREST runs a signed-in user's insert: their role and claims, in one transaction.
		await fx.db.query('begin');
		await fx.db.query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`, [
			JSON.stringify({ sub: randomUUID(), role: 'authenticated', team: 'red' })
		]);
		await fx.db.query(`insert into public.${table} (owner, body) values (gen_random_uuid(), 'by a user')`);
		await fx.db.query('commit');
		expect((await subscriber.broadcast('definer')).payload).toMatchObject({ body: 'by a user' });
		await settle(300);
		expect(subscriber.broadcasts.map((b) => b.event)).toEqual(['definer']);
		const { rows } = await fx.db.query(`select count(*)::int as n from public.${table}`);
		expect(rows[0].n).toBe(1);
		for (const kind of ['invoker', 'definer']) await fx.db.query(`drop function public.${table}_${kind}() cascade`);
	});

	it('passes a broadcast sent on a private channel on only when the INSERT policy allows the sender', async () => {
		const name = topic();
		const listener = await joinChannel((await red()).client, name, { isPrivate: true });
		const reader = await joinChannel((await red()).client, name, { isPrivate: true, ack: true });
		const writer = await joinChannel((await red({ writer: 'yes' })).client, name, { isPrivate: true, ack: true });
		await Promise.all([listener.subscribed(), reader.subscribed(), writer.subscribed()]);

		// Hosted drops it without a reply, so an acked send times out.
		expect(await reader.channel.send({ type: 'broadcast', event: 'denied', payload: { n: 1 } }, { timeout: 1000 })).toBe('timed out');
		expect(await writer.channel.send({ type: 'broadcast', event: 'allowed', payload: { n: 2 } })).toBe('ok');
		expect((await listener.broadcast('allowed')).payload).toEqual({ n: 2 });
		// A public broadcast of the same name never reaches the private channel.
		const outsider = await joinChannel(fx.client(anonKey()), name);
		await outsider.subscribed();
		await outsider.channel.send({ type: 'broadcast', event: 'public', payload: {} });
		await settle(300);
		expect(listener.broadcasts.map((b) => b.event)).toEqual(['allowed']);
	});

	it('httpSend() on a private channel needs the INSERT policy: 202 for a writer, Unauthorized for others', async () => {
		const name = topic();
		const listener = await joinChannel((await red()).client, name, { isPrivate: true });
		await listener.subscribed();
		const writer = (await red({ writer: 'yes' })).client;
		await writer.realtime.setAuth();
		expect(await writer.channel(name, { config: { private: true } }).httpSend('by_rest', { n: 1 })).toEqual({ success: true });
		expect((await listener.broadcast('by_rest')).payload).toEqual({ n: 1 });

		const reader = (await red()).client;
		await reader.realtime.setAuth();
		await expect(reader.channel(name, { config: { private: true } }).httpSend('denied', { n: 2 })).rejects.toThrow('Unauthorized');
		await expect(
			fx
				.client(anonKey())
				.channel(name, { config: { private: true } })
				.httpSend('denied', { n: 3 })
		).rejects.toThrow('Unauthorized');
		await settle(300);
		expect(listener.broadcasts.map((b) => b.event)).toEqual(['by_rest']);
	});

	it('closes a private channel when a new token loses the read policy', async () => {
		const name = topic();
		const sub = randomUUID();
		const user = await fx.user(sub, { team: 'red' });
		const joined = await joinChannel(user.client, name, { isPrivate: true });
		await joined.subscribed();
		await user.setToken(await userToken(fx.target.jwtSecret, sub, { team: 'blue' }));
		await joined.until(() => (joined.statuses.some((s) => s.status === 'CLOSED') ? true : undefined), 'the channel to close');
		expect(joined.system).toContainEqual({
			extension: 'system',
			status: 'error',
			message: `You no longer have permission to read from this Channel topic: ${name}`,
			channel: name
		});
	});
});
