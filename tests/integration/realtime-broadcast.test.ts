// Broadcast through the gateway with the real supabase-js client on its default settings
// (protocol 2.0.0, whose serializer sends broadcasts as binary frames), the byte layout
// itself on bare sockets, and the REST endpoints behind channel.httpSend().
/* eslint-disable @typescript-eslint/no-explicit-any -- Phoenix frames and change payloads are untyped JSON these tests pick apart. */
import { describe, it, expect } from 'vitest';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import Serializer from '@supabase/realtime-js/dist/main/lib/serializer.js';
import { anonKey, apiUrl, serviceRoleKey } from './env.ts';
import { useRealtimeFixture } from './realtime-helpers.ts';
import { joinChannel } from './realtime-channels.ts';
import { settle } from './realtime-listen.ts';
import { signJwt } from '../../supabase/local/keys.ts';

const fx = useRealtimeFixture();
const room = () => `room-${randomUUID()}`;

describe('realtime broadcast', () => {
	it('channel.send() on default settings reaches the other subscribers, and the sender only with self', async () => {
		const name = room();
		const [sender, receiver, echo] = [fx.client(anonKey()), fx.client(anonKey()), fx.client(anonKey())];
		const sent = await joinChannel(sender, name);
		const got = await joinChannel(receiver, name);
		const selfish = await joinChannel(echo, name, { self: true });
		await Promise.all([sent.subscribed(), got.subscribed(), selfish.subscribed()]);

		// Multi-byte characters: the binary frame's lengths are byte counts.
		const payload = { x: 1, label: 'Ñandú ✓ 🎉', nested: { list: [1, 'dos'] } };
		expect(await sent.channel.send({ type: 'broadcast', event: 'cursor', payload })).toBe('ok');
		expect((await got.broadcast('cursor')).payload).toEqual(payload);
		expect((await selfish.broadcast('cursor')).payload).toEqual(payload);

		expect(await selfish.channel.send({ type: 'broadcast', event: 'own', payload: { n: 2 } })).toBe('ok');
		expect((await selfish.broadcast('own')).payload).toEqual({ n: 2 });
		// 'own' left after 'cursor' had arrived, so a 'cursor' echoed to its sender would be here first.
		await sent.broadcast('own');
		await got.broadcast('own');
		expect(sent.broadcasts.map((b) => b.event)).toEqual(['own']);
	});

	it('acknowledges a send when the channel asks for ack, and carries binary payloads as bytes', async () => {
		const name = room();
		const sent = await joinChannel(fx.client(anonKey()), name, { ack: true });
		const got = await joinChannel(fx.client(anonKey()), name);
		await Promise.all([sent.subscribed(), got.subscribed()]);
		expect(await sent.channel.send({ type: 'broadcast', event: 'acked', payload: { ok: true } })).toBe('ok');
		expect((await got.broadcast('acked')).payload).toEqual({ ok: true });

		const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
		expect(await sent.channel.send({ type: 'broadcast', event: 'bytes', payload: bytes.buffer })).toBe('ok');
		const received = (await got.broadcast('bytes')).payload;
		expect(received).toBeInstanceOf(ArrayBuffer);
		expect([...new Uint8Array(received)]).toEqual([...bytes]);
	});

	it('answers a binary push with a binary frame on 2.0.0 and a JSON frame on 1.0.0, in realtime-js byte layout', async () => {
		const serializer = new Serializer();
		const topic = `realtime:${room()}`;
		const open = async (vsn: string) => {
			const ws = new WebSocket(`${apiUrl().replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${anonKey()}&vsn=${vsn}`);
			ws.binaryType = 'arraybuffer';
			const frames: { binary: boolean; data: any }[] = [];
			ws.on('message', (data, isBinary) => frames.push({ binary: isBinary, data }));
			await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
			const next = (match: (frame: { binary: boolean; data: any }) => boolean) =>
				new Promise<{ binary: boolean; data: any }>((resolve, reject) => {
					const timer = setTimeout(() => reject(new Error('no matching frame')), 3000);
					const poll = setInterval(() => {
						const frame = frames.find(match);
						if (!frame) return;
						clearInterval(poll);
						clearTimeout(timer);
						resolve(frame);
					}, 10);
				});
			return { ws, frames, next };
		};
		const [sender, v2, v1] = [await open('2.0.0'), await open('2.0.0'), await open('1.0.0')];
		try {
			const config = { broadcast: { ack: true, self: false }, presence: { key: '', enabled: false }, postgres_changes: [], private: false };
			for (const socket of [sender, v2]) socket.ws.send(JSON.stringify(['1', '1', topic, 'phx_join', { config }]));
			v1.ws.send(JSON.stringify({ join_ref: '1', ref: '1', topic, event: 'phx_join', payload: { config } }));
			await Promise.all([sender, v2].map((s) => s.next((f) => !f.binary && JSON.parse(f.data.toString())[3] === 'phx_reply')));
			await v1.next((f) => !f.binary && JSON.parse(f.data.toString()).event === 'phx_reply');

			const push = {
				join_ref: '1',
				ref: '2',
				topic,
				event: 'broadcast',
				payload: { type: 'broadcast', event: 'ping', payload: { n: 'ü' } }
			};
			serializer.encode(push, (encoded: ArrayBuffer | string) => {
				expect(encoded).toBeInstanceOf(ArrayBuffer);
				sender.ws.send(Buffer.from(encoded as ArrayBuffer));
			});
			const ack = await sender.next((f) => !f.binary && JSON.parse(f.data.toString())[1] === '2');
			expect(JSON.parse(ack.data.toString())).toEqual(['1', '2', topic, 'phx_reply', { status: 'ok', response: {} }]);

			const binary = await v2.next((f) => f.binary);
			serializer.decode(binary.data, (decoded: any) => {
				expect(decoded).toEqual({
					join_ref: null,
					ref: null,
					topic,
					event: 'broadcast',
					payload: { type: 'broadcast', event: 'ping', payload: { n: 'ü' } }
				});
			});
			const json = await v1.next((f) => !f.binary && JSON.parse(f.data.toString()).event === 'broadcast');
			expect(JSON.parse(json.data.toString())).toEqual({
				join_ref: null,
				ref: null,
				topic,
				event: 'broadcast',
				payload: { type: 'broadcast', event: 'ping', payload: { n: 'ü' } }
			});

			// A malformed binary frame is ignored; the socket keeps working.
			sender.ws.send(Buffer.from([3, 200, 200, 200, 200, 200, 1, 0]));
			sender.ws.send(JSON.stringify([null, 'hb', 'phoenix', 'heartbeat', {}]));
			await sender.next((f) => !f.binary && JSON.parse(f.data.toString())[1] === 'hb');
		} finally {
			for (const socket of [sender, v2, v1]) socket.ws.close();
		}
	});

	it('channel.httpSend() answers 202 and reaches the subscribers, without the sender joining', async () => {
		const name = room();
		const got = await joinChannel(fx.client(anonKey()), name);
		await got.subscribed();
		const sender = fx.client(anonKey());
		const result = await sender.channel(name).httpSend('rest', { from: 'http', n: 3 });
		expect(result).toEqual({ success: true });
		expect((await got.broadcast('rest')).payload).toEqual({ from: 'http', n: 3 });

		const bytes = new Uint8Array([9, 8, 7, 0, 255]);
		expect(await sender.channel(name).httpSend('rest_bytes', bytes.buffer)).toEqual({ success: true });
		const received = (await got.broadcast('rest_bytes')).payload;
		expect(received).toBeInstanceOf(ArrayBuffer);
		expect([...new Uint8Array(received)]).toEqual([...bytes]);
	});

	it('the batch endpoint delivers each message, checks the key and the token, and refuses a bad body with 422', async () => {
		const name = room();
		const got = await joinChannel(fx.client(anonKey()), name);
		await got.subscribed();
		const endpoint = `${apiUrl()}/realtime/v1/api/broadcast`;
		const post = (body: unknown, headers: Record<string, string> = { apikey: anonKey() }) =>
			fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

		const ok = await post({
			messages: [
				{ topic: name, event: 'one', payload: { i: 1 } },
				{ topic: name, event: 'two', payload: { i: 2 } }
			]
		});
		expect(ok.status).toBe(202);
		await got.broadcast('one');
		await got.broadcast('two');

		const service = await post({ messages: [{ topic: name, event: 'server', payload: { i: 3 } }] }, { apikey: serviceRoleKey() });
		expect(service.status).toBe(202);
		await got.broadcast('server');

		expect((await post({ messages: [{ topic: name, event: 'x', payload: {} }] }, {})).status).toBe(401);
		const forged = await signJwt({ role: 'anon', exp: Math.floor(Date.now() / 1000) + 60 }, 'not-the-secret-not-the-secret-not-the-secret');
		const badToken = await post(
			{ messages: [{ topic: name, event: 'forged', payload: {} }] },
			{ apikey: anonKey(), authorization: `Bearer ${forged}` }
		);
		expect(badToken.status).toBe(401);
		expect(await badToken.json()).toEqual({ message: 'Invalid token' });

		const oversize = await post({ messages: [{ topic: name, event: 'huge', payload: { text: 'x'.repeat(1024 * 1024 + 1) } }] });
		expect(oversize.status).toBe(413);

		for (const body of [
			{},
			{ messages: [] },
			{ messages: [{ topic: name, payload: {} }] },
			{ messages: [{ topic: name, event: 'e' }] },
			{ messages: [{ event: 'e', payload: {} }] }
		]) {
			const refused = await post(body);
			expect(refused.status).toBe(422);
			expect((await refused.json()).message).toEqual(expect.any(String));
		}
		await settle(300);
		expect(got.broadcasts.map((b) => b.event)).toEqual(['one', 'two', 'server']);
	});
});
