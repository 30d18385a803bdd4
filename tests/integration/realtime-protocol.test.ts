// The Phoenix-channel frames themselves, spoken over a bare websocket through
// the gateway: replies, ids, system messages, leave, and garbage tolerance.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import WebSocket from 'ws';
import { apiUrl, anonKey, jwtSecret, superuser } from './env.ts';
import { createTable, userToken } from './realtime-helpers.ts';
import { signJwt } from '../../supabase/local/keys.ts';

let db: pg.Client;
let name: string;
const sockets: WebSocket[] = [];

/** A raw socket whose incoming frames can be awaited by predicate. */
async function open(vsn = '2.0.0') {
	const ws = new WebSocket(`${apiUrl().replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${anonKey()}&vsn=${vsn}`);
	sockets.push(ws);
	const frames: any[] = [];
	const waiters = new Set<() => void>();
	ws.on('message', (data) => {
		frames.push(JSON.parse(data.toString()));
		waiters.forEach((fn) => fn());
	});
	await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
	const next = (match: (frame: any) => boolean, timeoutMs = 3000) =>
		new Promise<any>((resolve, reject) => {
			const check = () => {
				const index = frames.findIndex(match);
				if (index < 0) return;
				waiters.delete(check);
				clearTimeout(timer);
				resolve(frames.splice(index, 1)[0]);
			};
			const timer = setTimeout(() => (waiters.delete(check), reject(new Error('no matching frame'))), timeoutMs);
			waiters.add(check);
			check();
		});
	return { ws, frames, next, send: (frame: unknown) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)) };
}

const join = (ref: string, topic: string, payload: Record<string, unknown>) => [ref, ref, topic, 'phx_join', payload];
const replyTo = (ref: string) => (frame: any) => frame[1] === ref && frame[3] === 'phx_reply';

beforeAll(async () => {
	db = await superuser();
	name = await createTable(db);
});

afterAll(async () => {
	for (const ws of sockets) ws.close();
	await db.query(`drop table if exists public.${name}`);
	await db.end();
});

describe('realtime protocol', () => {
	it('survives garbage frames and still answers heartbeats, in both vsn', async () => {
		const socket = await open();
		for (const garbage of ['not json', '[1,2]', '{"topic":5}', 'null', '[null,null,"x","phx_join","payload"]', '[{},{},{},{},{}]'])
			socket.send(garbage);
		socket.ws.send(Buffer.from([0, 1, 2, 255]));
		socket.send([null, '1', 'realtime:nowhere', 'access_token', { access_token: 'x' }]);
		expect(await socket.next(replyTo('1'))).toEqual([
			null,
			'1',
			'realtime:nowhere',
			'phx_reply',
			{ status: 'error', response: { reason: 'unmatched topic' } }
		]);
		socket.send([null, '2', 'phoenix', 'heartbeat', {}]);
		expect(await socket.next(replyTo('2'))).toEqual([null, '2', 'phoenix', 'phx_reply', { status: 'ok', response: {} }]);

		const v1 = await open('1.0.0');
		v1.send({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '7', join_ref: null });
		expect(await v1.next((frame) => frame.ref === '7')).toEqual({
			join_ref: null,
			ref: '7',
			topic: 'phoenix',
			event: 'phx_reply',
			payload: { status: 'ok', response: {} }
		});
	});

	it('refuses joins whose token is forged, expired or lacks role and exp', async () => {
		const socket = await open();
		const now = Math.floor(Date.now() / 1000);
		const cases: [string, string | RegExp][] = [
			[await signJwt({ role: 'authenticated', exp: now + 60 }, 'another-secret-another-secret-another-secret'), 'Invalid token'],
			[await signJwt({ role: 'authenticated', exp: now - 120 }, jwtSecret()), /^Token has expired 1[12]\d seconds ago$/],
			[await signJwt({ sub: randomUUID(), exp: now + 60 }, jwtSecret()), 'Fields `role` and `exp` are required in JWT']
		];
		for (const [i, [token, reason]] of cases.entries()) {
			socket.send(join(`j${i}`, 'realtime:refused', { config: { postgres_changes: [] }, access_token: token }));
			const reply = await socket.next(replyTo(`j${i}`));
			expect(reply[4].status).toBe('error');
			expect(reply[4].response.reason).toMatch(reason);
		}
	});

	it('echoes bindings with integer ids, pushes the system message, delivers, and leaves with phx_close', async () => {
		const socket = await open();
		const alice = randomUUID();
		const bindings = [
			{ event: 'INSERT', schema: 'public', table: name, filter: 'body=eq.x' },
			{ event: '*', schema: 'public', table: name }
		];
		socket.send(
			join('5', 'realtime:raw', {
				config: {
					broadcast: { ack: false, self: false },
					presence: { key: '', enabled: false },
					postgres_changes: bindings,
					private: false
				},
				access_token: await userToken(jwtSecret(), alice)
			})
		);
		const reply = await socket.next(replyTo('5'));
		expect(reply[4].status).toBe('ok');
		const echoed = reply[4].response.postgres_changes;
		expect(echoed).toEqual(bindings.map((binding) => ({ ...binding, id: expect.any(Number) })));
		const ids = echoed.map((binding: any) => binding.id);
		expect(ids.every((id: number) => Number.isInteger(id) && id > 0) && ids[0] !== ids[1]).toBe(true);
		expect(await socket.next((frame) => frame[3] === 'system')).toEqual([
			'5',
			null,
			'realtime:raw',
			'system',
			{ extension: 'postgres_changes', status: 'ok', message: 'Subscribed to PostgreSQL', channel: 'raw' }
		]);

		await db.query(`insert into public.${name} (owner, body, meta) values ($1, 'x', '[1]')`, [alice]);
		const change = await socket.next((frame) => frame[3] === 'postgres_changes');
		expect(change.slice(0, 3)).toEqual([null, null, 'realtime:raw']);
		expect(change[4].ids.sort()).toEqual([...ids].sort());
		expect(change[4].data).toMatchObject({
			schema: 'public',
			table: name,
			type: 'INSERT',
			errors: null,
			record: { body: 'x', meta: [1], done: false }
		});
		expect(change[4].data.columns).toEqual([
			{ name: 'id', type: 'int8' },
			{ name: 'owner', type: 'uuid' },
			{ name: 'team', type: 'text' },
			{ name: 'body', type: 'text' },
			{ name: 'score', type: 'int4' },
			{ name: 'meta', type: 'jsonb' },
			{ name: 'done', type: 'bool' },
			{ name: 'created_at', type: 'timestamptz' }
		]);

		socket.send(['5', '6', 'realtime:raw', 'phx_leave', {}]);
		expect(await socket.next(replyTo('6'))).toEqual(['5', '6', 'realtime:raw', 'phx_reply', { status: 'ok', response: {} }]);
		expect(await socket.next((frame) => frame[3] === 'phx_close')).toEqual(['5', '5', 'realtime:raw', 'phx_close', {}]);
	});

	it('closes the channel when its token expires', async () => {
		const socket = await open();
		const exp = Math.floor(Date.now() / 1000) + 2;
		socket.send(
			join('9', 'realtime:expiring', {
				config: { postgres_changes: [] },
				access_token: await signJwt({ sub: randomUUID(), role: 'authenticated', exp }, jwtSecret())
			})
		);
		expect((await socket.next(replyTo('9')))[4].status).toBe('ok');
		const system = await socket.next((frame) => frame[3] === 'system', 4000);
		expect(system).toEqual([
			'9',
			null,
			'realtime:expiring',
			'system',
			{ extension: 'system', status: 'error', message: 'Token has expired 0 seconds ago', channel: 'expiring' }
		]);
		expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
		expect(await socket.next((frame) => frame[3] === 'phx_close')).toEqual(['9', '9', 'realtime:expiring', 'phx_close', {}]);
	});

	it('relays public broadcasts to the other sockets on the topic', async () => {
		const [sender, receiver] = [await open(), await open()];
		const config = { broadcast: { ack: true, self: false }, presence: { key: '', enabled: false }, postgres_changes: [], private: false };
		for (const socket of [sender, receiver]) {
			socket.send(join('1', 'realtime:room', { config }));
			expect((await socket.next(replyTo('1')))[4]).toEqual({ status: 'ok', response: { postgres_changes: [] } });
		}
		const message = { type: 'broadcast', event: 'cursor', payload: { x: 1 } };
		sender.send(['1', '2', 'realtime:room', 'broadcast', message]);
		expect((await sender.next(replyTo('2')))[4].status).toBe('ok');
		expect(await receiver.next((frame) => frame[3] === 'broadcast')).toEqual([null, null, 'realtime:room', 'broadcast', message]);
		expect(sender.frames.filter((frame) => frame[3] === 'broadcast')).toEqual([]);
	});
});
