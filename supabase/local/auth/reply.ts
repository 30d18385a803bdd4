// Writes replies the way GoTrue does: the error shape depends on whether the
// caller sent X-Supabase-Api-Version (supabase-js always sends 2024-01-01).
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AuthError } from './errors.ts';
import type { Reply } from './context.ts';

const API_VERSION = '2024-01-01';
// Browsers hide response headers unless exposed; auth-js reads all of these.
// The gateway sends the same header name, so its value replaces this one rather than doubling it.
const EXPOSED_HEADERS = 'X-Supabase-Api-Version, X-Total-Count, Link, X-Sb-Error-Code';

/** The API version to answer in, or null for the legacy shape (no or older header). */
export function responseApiVersion(headers: IncomingHttpHeaders): string | null {
	const asked = headers['x-supabase-api-version'];
	if (typeof asked !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asked)) return null;
	// Date strings in this format compare correctly as text.
	return asked >= API_VERSION ? API_VERSION : null;
}

export function errorReply(error: AuthError, apiVersion: string | null): Reply {
	const body = apiVersion
		? { code: error.code, message: error.message, ...error.extra }
		: { code: error.status, error_code: error.code, msg: error.message, ...error.extra };
	const headers: Record<string, string> = { ...error.headers, 'x-sb-error-code': error.code };
	// The rest of an oversized body is never read, so the connection cannot be reused.
	if (error.status === 413) headers.connection = 'close';
	return { status: error.status, body, headers };
}

export function sendReply(res: ServerResponse, reply: Reply, apiVersion: string | null) {
	const headers: Record<string, string | number> = { 'access-control-expose-headers': EXPOSED_HEADERS, ...reply.headers };
	if (apiVersion) headers['x-supabase-api-version'] = apiVersion;
	if (reply.body === undefined) {
		res.writeHead(reply.status, headers).end();
		return;
	}
	const text = JSON.stringify(reply.body);
	headers['content-type'] = 'application/json';
	headers['content-length'] = Buffer.byteLength(text);
	res.writeHead(reply.status, headers).end(text);
}
