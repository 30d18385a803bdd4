// Request bodies: JSON objects of bounded size, and typed access to their fields.
import type { IncomingMessage } from 'node:http';
import { AuthError, badJson } from './errors.ts';

// Far above any real auth request; stops a client from filling memory.
const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () => new AuthError(413, 'request_too_large', `Request body is larger than ${MAX_BODY_BYTES} bytes`);

export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
	if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw tooLarge();
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_BODY_BYTES) throw tooLarge();
		chunks.push(chunk);
	}
	const text = Buffer.concat(chunks).toString('utf8').trim();
	if (!text) return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw badJson((error as Error).message);
	}
	if (!isPlainObject(parsed)) throw badJson('expected a JSON object');
	return parsed;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, undefined when absent or null; any other type is bad JSON, as in GoTrue's typed decoding. */
export function stringField(body: Record<string, unknown>, name: string): string | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw badJson(`${name} must be a string`);
	return value;
}

export function booleanField(body: Record<string, unknown>, name: string): boolean | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') throw badJson(`${name} must be a boolean`);
	return value;
}

export function objectField(body: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (!isPlainObject(value)) throw badJson(`${name} must be an object`);
	return value;
}
