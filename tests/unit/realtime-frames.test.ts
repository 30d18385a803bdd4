// The local Realtime server's binary broadcast frames against realtime-js's own serializer:
// what the client encodes the server decodes, and what the server encodes the client decodes.
/* eslint-disable @typescript-eslint/no-explicit-any -- Phoenix frames and change payloads are untyped JSON these tests pick apart. */
import { describe, it, expect } from 'vitest';
import Serializer from '@supabase/realtime-js/dist/main/lib/serializer.js';
import { decodeBinaryPush, encodeUserBroadcast, type Broadcast } from '../../supabase/local/realtime/frames.ts';

const serializer = new Serializer();
const encode = (message: any) =>
	new Promise<ArrayBuffer>((resolve) => serializer.encode(message, (encoded) => resolve(encoded as ArrayBuffer)));
const decode = (data: ArrayBuffer) => new Promise<any>((resolve) => serializer.decode(data, resolve));
const bytes = new Uint8Array([0, 1, 127, 128, 255]).buffer;

describe('binary broadcast frames', () => {
	const pushes = [
		{
			name: 'a JSON payload',
			push: { join_ref: '4', ref: '17', topic: 'realtime:room', payload: { type: 'broadcast', event: 'cursor', payload: { x: 1 } } }
		},
		{
			name: 'multi-byte text in every field',
			push: {
				join_ref: 'ñ',
				ref: '✓',
				topic: 'realtime:sala-ñandú',
				payload: { type: 'broadcast', event: 'évènement', payload: { t: '🎉' } }
			}
		},
		{ name: 'no refs', push: { join_ref: null, ref: null, topic: 'realtime:r', payload: { type: 'broadcast', event: 'e', payload: {} } } },
		{
			name: 'the persist metadata key',
			push: { join_ref: '1', ref: '2', topic: 'realtime:r', payload: { type: 'broadcast', event: 'e', payload: { a: 1 }, persist: true } }
		}
	];
	for (const { name, push } of pushes) {
		it(`decodes a push with ${name}`, async () => {
			const decoded = decodeBinaryPush(Buffer.from(await encode({ ...push, event: 'broadcast' })));
			expect(decoded).toEqual({
				joinRef: push.join_ref,
				ref: push.ref,
				topic: push.topic,
				broadcast: {
					event: push.payload.event,
					payload: push.payload.payload,
					binary: false,
					user: true,
					meta: push.payload.persist ? { persist: true } : undefined
				}
			});
		});
	}

	it('decodes a push with a binary payload as bytes', async () => {
		const decoded = decodeBinaryPush(
			Buffer.from(
				await encode({
					join_ref: '1',
					ref: '2',
					topic: 'realtime:r',
					event: 'broadcast',
					payload: { type: 'broadcast', event: 'b', payload: bytes }
				})
			)
		);
		expect(decoded?.broadcast.binary).toBe(true);
		expect([...(decoded?.broadcast.payload as Buffer)]).toEqual([0, 1, 127, 128, 255]);
	});

	const malformed = [
		{ name: 'an empty frame', frame: [] },
		{ name: 'another kind', frame: [4, 0, 0, 1, 1, 0, 1, 65, 66] },
		{ name: 'lengths past the end', frame: [3, 9, 9, 9, 9, 9, 1, 65] },
		{ name: 'an unknown encoding', frame: [3, 0, 0, 1, 1, 0, 7, 65, 66] },
		{ name: 'a JSON payload that does not parse', frame: [3, 0, 0, 1, 1, 0, 1, 65, 66, 123] },
		{ name: 'no topic', frame: [3, 0, 0, 0, 1, 0, 1, 66, 123, 125] }
	];
	for (const { name, frame } of malformed) {
		it(`ignores ${name}`, () => expect(decodeBinaryPush(Buffer.from(frame))).toBeNull());
	}

	const broadcasts: { name: string; broadcast: Broadcast; expected: any }[] = [
		{
			name: 'JSON',
			broadcast: { event: 'e', payload: { n: 'ü' }, binary: false, user: true },
			expected: { type: 'broadcast', event: 'e', payload: { n: 'ü' } }
		},
		{
			name: 'JSON with metadata',
			broadcast: { event: 'e', payload: [1], binary: false, user: true, meta: { id: 'x' } },
			expected: { type: 'broadcast', event: 'e', payload: [1], meta: { id: 'x' } }
		}
	];
	for (const { name, broadcast, expected } of broadcasts) {
		it(`encodes a ${name} broadcast the client decodes`, async () => {
			const frame = encodeUserBroadcast('realtime:sala-ñ', broadcast)!;
			const decoded = await decode(frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) as ArrayBuffer);
			expect(decoded).toEqual({ join_ref: null, ref: null, topic: 'realtime:sala-ñ', event: 'broadcast', payload: expected });
		});
	}

	it('encodes a binary broadcast the client decodes to the same bytes, and gives up on a topic too long for the frame', async () => {
		const frame = encodeUserBroadcast('realtime:r', { event: 'b', payload: Buffer.from(bytes), binary: true, user: true })!;
		const decoded = await decode(frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) as ArrayBuffer);
		expect([...new Uint8Array(decoded.payload.payload)]).toEqual([0, 1, 127, 128, 255]);
		expect(encodeUserBroadcast(`realtime:${'x'.repeat(300)}`, { event: 'e', payload: {}, binary: false, user: true })).toBeNull();
	});
});
