// The per-socket limits hosted Realtime enforces: channels per socket, joins per second,
// and closing sockets that miss heartbeats. Each test runs its own Realtime server on the
// test database with limits short enough not to wait for.
/* eslint-disable @typescript-eslint/no-explicit-any -- Phoenix frames and change payloads are untyped JSON these tests pick apart. */
import { describe, it, expect, afterEach } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { startRealtimeServer, type RealtimeHandle } from '../../supabase/local/realtime/server.ts';
import type { RealtimeLimits } from '../../supabase/local/realtime/connection.ts';
import { anonKey, dbUrl, jwtSecret } from './env.ts';
import { joinChannel } from './realtime-channels.ts';

const HOST = '127.0.0.1';
let server: RealtimeHandle | undefined;
const clients: SupabaseClient[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
	for (const client of clients.splice(0)) await client.removeAllChannels();
	for (const ws of sockets.splice(0)) ws.terminate();
	await server?.stop();
	server = undefined;
});

async function start(limits: Partial<RealtimeLimits>) {
	server = await startRealtimeServer({ port: 0, host: HOST, dbUrl: dbUrl(), jwtSecret: jwtSecret(), limits });
	return `http://${HOST}:${server.port}`;
}

/** A bare 2.0.0 socket; `closed` resolves with the time the server closed it. */
async function open(url: string) {
	// Taken before connecting: the server's clock for this socket can only start later.
	const openedAt = performance.now();
	const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${anonKey()}&vsn=2.0.0`);
	sockets.push(ws);
	const frames: any[] = [];
	ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
	const closed = new Promise<number>((resolve) => ws.once('close', () => resolve(performance.now())));
	await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
	return { ws, frames, closed, openedAt, send: (frame: unknown[]) => ws.send(JSON.stringify(frame)) };
}

const joinFrame = (ref: string) => [
	ref,
	ref,
	`realtime:limits-${randomUUID()}`,
	'phx_join',
	{ config: { broadcast: { self: false, ack: false }, postgres_changes: [], private: false } }
];

describe('realtime limits', () => {
	it('refuses a join past the channels-per-socket cap, and accepts one once a channel is left', async () => {
		const url = await start({ maxChannelsPerSocket: 3 });
		const client = createClient(url, anonKey(), { auth: { persistSession: false, autoRefreshToken: false } });
		clients.push(client);
		const joined = [];
		for (let i = 0; i < 3; i++) {
			joined.push(await joinChannel(client, `cap-${i}-${randomUUID()}`));
			await joined[i].subscribed();
		}
		const fourth = await joinChannel(client, `cap-3-${randomUUID()}`);
		await expect(fourth.subscribed()).rejects.toThrow('ChannelRateLimitReached: Too many channels');
		await client.removeChannel(fourth.channel);

		await client.removeChannel(joined[0].channel);
		const again = await joinChannel(client, `cap-again-${randomUUID()}`);
		await again.subscribed();
	});

	it('refuses the join past the per-second rate and closes that socket, leaving other sockets alone', async () => {
		const url = await start({ maxJoinsPerSecond: 5 });
		const [fast, calm] = [await open(url), await open(url)];
		// More than enough to pass the limit even if the machine is slow enough for the window to move on.
		for (let i = 1; i <= 30; i++) fast.send(joinFrame(String(i)));
		calm.send(joinFrame('1'));
		await fast.closed;
		const replies = fast.frames.filter((frame) => frame[3] === 'phx_reply');
		const refused = replies.at(-1);
		expect(replies.slice(0, 5).map((frame) => frame[4].status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
		expect(replies.slice(0, -1).every((frame) => frame[4].status === 'ok')).toBe(true);
		expect(replies.length).toBeLessThan(30);
		expect(refused[4]).toEqual({ status: 'error', response: { reason: 'ClientJoinRateLimitReached: Too many joins per second' } });

		calm.send([null, 'hb', 'phoenix', 'heartbeat', {}]);
		await expect.poll(() => calm.frames.find((frame) => frame[1] === 'hb')?.[4]).toEqual({ status: 'ok', response: {} });
		expect(calm.frames.find((frame) => frame[1] === '1')[4].status).toBe('ok');
		expect(calm.ws.readyState).toBe(WebSocket.OPEN);
	});

	it('closes a socket that sends no heartbeat, and keeps one that does', async () => {
		const timeoutMs = 1500;
		const url = await start({ heartbeatTimeoutMs: timeoutMs });
		const [silent, beating] = [await open(url), await open(url)];
		let ref = 0;
		const beat = setInterval(() => beating.send([null, String(++ref), 'phoenix', 'heartbeat', {}]), 200);
		try {
			const closedAt = await silent.closed;
			expect(closedAt - silent.openedAt).toBeGreaterThanOrEqual(timeoutMs);
			// The beating socket has now outlived the timeout, and its heartbeats are still answered.
			await expect
				.poll(() => (performance.now() - beating.openedAt > timeoutMs * 1.5 ? beating.frames.length : 0), { timeout: 5000 })
				.toBeGreaterThan(3);
			expect(beating.ws.readyState).toBe(WebSocket.OPEN);
		} finally {
			clearInterval(beat);
		}
	});
});
