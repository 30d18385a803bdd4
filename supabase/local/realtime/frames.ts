// Phoenix channel frames: vsn 2.0.0 sends `[join_ref, ref, topic, event, payload]`
// arrays, 1.0.0 sends objects with those keys. Anything else is not a frame.

export type Vsn = '1.0.0' | '2.0.0';

export interface Frame {
	joinRef: string | null;
	ref: string | null;
	topic: string;
	event: string;
	payload: Record<string, unknown>;
}

function refOf(value: unknown): string | null | undefined {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Null for anything that is not a well-formed frame of either version. */
export function decodeFrame(text: string): Frame | null {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return null;
	}
	let parts: unknown[];
	if (Array.isArray(parsed) && parsed.length === 5) parts = parsed;
	else if (isObject(parsed)) parts = [parsed.join_ref, parsed.ref, parsed.topic, parsed.event, parsed.payload];
	else return null;
	const [joinRef, ref, topic, event, payload] = [refOf(parts[0]), refOf(parts[1]), parts[2], parts[3], parts[4] ?? {}];
	if (joinRef === undefined || ref === undefined) return null;
	if (typeof topic !== 'string' || typeof event !== 'string' || !isObject(payload)) return null;
	return { joinRef, ref, topic, event, payload };
}

export function encodeFrame(frame: Frame, vsn: Vsn): string {
	if (vsn === '2.0.0') return JSON.stringify([frame.joinRef, frame.ref, frame.topic, frame.event, frame.payload]);
	return JSON.stringify({ join_ref: frame.joinRef, ref: frame.ref, topic: frame.topic, event: frame.event, payload: frame.payload });
}

export function reply(request: Frame, status: 'ok' | 'error', response: Record<string, unknown>): Frame {
	return { joinRef: request.joinRef, ref: request.ref, topic: request.topic, event: 'phx_reply', payload: { status, response } };
}

/**
 * One broadcast as the server passes it on. `user` marks the kind realtime-js 2.x sends
 * as a binary push (and hosted Realtime answers 2.0.0 clients with a binary frame);
 * other broadcasts (from the database, the batch REST endpoint, 1.0.0 clients) travel as JSON.
 */
export interface Broadcast {
	event: string;
	/** A JSON value, or the raw bytes of a binary payload. */
	payload: unknown;
	binary: boolean;
	user: boolean;
	meta?: Record<string, unknown>;
	/** A JSON broadcast push passed on exactly as the client sent it. */
	raw?: Record<string, unknown>;
}

const KIND_USER_BROADCAST_PUSH = 3;
const KIND_USER_BROADCAST = 4;
const BINARY_ENCODING = 0;
const JSON_ENCODING = 1;

export interface BinaryPush {
	joinRef: string | null;
	ref: string | null;
	topic: string;
	broadcast: Broadcast;
}

/**
 * Decodes realtime-js's "userBroadcastPush" binary frame (lib/serializer.js): a kind byte,
 * five length bytes and an encoding byte, then join_ref, ref, topic, event, metadata and the
 * payload. Null for anything else or anything that does not add up.
 */
export function decodeBinaryPush(data: Buffer): BinaryPush | null {
	if (data.length < 7 || data[0] !== KIND_USER_BROADCAST_PUSH) return null;
	const lengths = [data[1], data[2], data[3], data[4], data[5]];
	const encoding = data[6];
	if (encoding !== BINARY_ENCODING && encoding !== JSON_ENCODING) return null;
	let offset = 7;
	const fields = lengths.map((length) => {
		const text = data.toString('utf8', offset, offset + length);
		offset += length;
		return text;
	});
	if (offset > data.length) return null;
	const [joinRef, ref, topic, event, metadata] = fields;
	const body = data.subarray(offset);
	let payload: unknown = Buffer.from(body);
	let meta: Record<string, unknown> | undefined;
	try {
		if (encoding === JSON_ENCODING) payload = JSON.parse(body.toString('utf8'));
		if (metadata) meta = JSON.parse(metadata);
	} catch {
		return null;
	}
	if (!topic || !event) return null;
	return {
		joinRef: joinRef || null,
		ref: ref || null,
		topic,
		broadcast: { event, payload, binary: encoding === BINARY_ENCODING, user: true, meta }
	};
}

/** The "userBroadcast" binary frame realtime-js decodes, or null when a field is too long for it. */
export function encodeUserBroadcast(topic: string, broadcast: Broadcast): Buffer | null {
	const topicBytes = Buffer.from(topic);
	const eventBytes = Buffer.from(broadcast.event);
	const metaBytes = Buffer.from(broadcast.meta ? JSON.stringify(broadcast.meta) : '');
	if (topicBytes.length > 255 || eventBytes.length > 255 || metaBytes.length > 255) return null;
	const body = broadcast.binary ? (broadcast.payload as Buffer) : Buffer.from(JSON.stringify(broadcast.payload ?? null));
	const header = Buffer.from([
		KIND_USER_BROADCAST,
		topicBytes.length,
		eventBytes.length,
		metaBytes.length,
		broadcast.binary ? BINARY_ENCODING : JSON_ENCODING
	]);
	return Buffer.concat([header, topicBytes, eventBytes, metaBytes, body]);
}

/** The JSON payload of a `broadcast` event, as Phoenix channels carry it. */
export function broadcastPayload(broadcast: Broadcast): Record<string, unknown> {
	if (broadcast.raw) return broadcast.raw;
	const payload: Record<string, unknown> = { type: 'broadcast', event: broadcast.event, payload: broadcast.payload };
	if (broadcast.meta) payload.meta = broadcast.meta;
	return payload;
}
