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
