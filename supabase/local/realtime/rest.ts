// Realtime's REST broadcast API: the batch endpoint `POST /api/broadcast` (what
// server-side senders and send()'s REST fallback use) and the single-message endpoint
// `POST /api/broadcast/<topic>/events/<event>` (channel.httpSend()). Both answer 202.
// Private messages need the sender's INSERT policy on realtime.messages: the batch
// endpoint skips those it may not send, the single one answers 403, as on hosted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { verifyToken, type Claims } from './jwt.ts';
import { mayBroadcast } from './policies.ts';
import type { Hub } from './hub.ts';

export interface RestContext {
	db: pg.Pool;
	hub: Hub;
	secret: Uint8Array;
	maxBodyBytes: number;
	log: (line: string) => void;
}

class HttpError extends Error {
	status: number;
	constructor(status: number, message: string) {
		super(message);
		this.status = status;
	}
}

const SINGLE = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)$/;

function tokenOf(req: IncomingMessage): string | null {
	const authorization = req.headers.authorization;
	const bearer = typeof authorization === 'string' ? /^Bearer\s+(.+)$/i.exec(authorization)?.[1] : undefined;
	const apikey = req.headers.apikey;
	return bearer ?? (typeof apikey === 'string' && apikey ? apikey : null);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	// Read to the end even past the limit, so the 413 goes out on a connection still in step.
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size <= limit) chunks.push(chunk as Buffer);
	}
	if (size > limit) throw new HttpError(413, 'Payload Too Large');
	return Buffer.concat(chunks);
}

function parseJson(body: Buffer): unknown {
	try {
		return JSON.parse(body.toString('utf8'));
	} catch {
		throw new HttpError(422, 'The body is not valid JSON');
	}
}

interface Message {
	topic: string;
	event: string;
	payload: unknown;
	isPrivate: boolean;
	binary: boolean;
	user: boolean;
}

function batchMessages(body: unknown): Message[] {
	const messages = (body as { messages?: unknown } | null)?.messages;
	if (!Array.isArray(messages) || !messages.length) throw new HttpError(422, 'messages: a non-empty list is required');
	return messages.map((message, i) => {
		const { topic, event, payload, private: isPrivate } = (message ?? {}) as Record<string, unknown>;
		if (typeof topic !== 'string' || !topic) throw new HttpError(422, `messages[${i}].topic: can't be blank`);
		if (typeof event !== 'string' || !event) throw new HttpError(422, `messages[${i}].event: can't be blank`);
		if (payload === undefined || payload === null || typeof payload !== 'object')
			throw new HttpError(422, `messages[${i}].payload: must be an object`);
		return { topic, event, payload, isPrivate: isPrivate === true, binary: false, user: false };
	});
}

/** Sends what the claims allow; returns how many messages went out. */
async function send(context: RestContext, claims: Claims, messages: Message[]): Promise<{ sent: number; refused: number }> {
	const allowed = new Map<string, boolean>();
	let sent = 0;
	let refused = 0;
	for (const message of messages) {
		if (message.isPrivate) {
			let may = allowed.get(message.topic);
			if (may === undefined) {
				may = await mayBroadcast(context.db, { topic: message.topic, claims }).catch((error: Error) => {
					context.log(`[realtime] broadcast policy check on ${message.topic} failed: ${error.message}`);
					return false;
				});
				allowed.set(message.topic, may);
			}
			if (!may) {
				refused++;
				continue;
			}
		}
		context.hub.broadcast(message.topic, message.isPrivate, {
			event: message.event,
			payload: message.payload,
			binary: message.binary,
			user: message.user
		});
		sent++;
	}
	return { sent, refused };
}

function answer(res: ServerResponse, status: number, body?: unknown) {
	if (body === undefined) return res.writeHead(status, { 'content-length': '0' }).end();
	res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** True when the request was a broadcast request (answered here), false to let the caller answer. */
export async function handleBroadcastRequest(context: RestContext, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
	const url = new URL(req.url ?? '/', 'http://realtime');
	const single = SINGLE.exec(url.pathname);
	if (url.pathname !== '/api/broadcast' && !single) return false;
	try {
		if (req.method !== 'POST') throw new HttpError(405, 'Method Not Allowed');
		const check = await verifyToken(tokenOf(req), context.secret);
		if (!check.ok) throw new HttpError(401, check.reason);
		const body = await readBody(req, context.maxBodyBytes);
		if (!single) {
			await send(context, check.claims, batchMessages(parseJson(body)));
			return (answer(res, 202), true);
		}
		const [topic, event] = [single[1], single[2]].map((part) => {
			try {
				return decodeURIComponent(part);
			} catch {
				throw new HttpError(422, 'The topic or event is not a valid URL component');
			}
		});
		const binary = (req.headers['content-type'] ?? '').startsWith('application/octet-stream');
		const payload = binary ? body : parseJson(body);
		if (payload === null) throw new HttpError(422, "payload: can't be blank");
		const isPrivate = url.searchParams.get('private') === 'true';
		const { refused } = await send(context, check.claims, [{ topic, event, payload, isPrivate, binary, user: true }]);
		if (refused) throw new HttpError(403, 'Unauthorized');
		answer(res, 202);
	} catch (error) {
		if (error instanceof HttpError) answer(res, error.status, { message: error.message });
		else {
			context.log(`[realtime] broadcast request failed: ${(error as Error).message}`);
			answer(res, 500, { message: 'Unable to broadcast' });
		}
	}
	return true;
}
