// The gateway as Supabase's: oversize bodies refused with 413 on every route (chunked ones too),
// preflights that allow the headers browsers and supabase-js send, and a schema cache that follows DDL.
import { describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { anonKey, apiUrl, serviceRoleKey, superuser } from './env.ts';

/** A POST whose body is streamed in chunks with no content-length. */
function postChunked(path: string, totalBytes: number): Promise<number> {
	const url = new URL(path, apiUrl());
	return new Promise((resolve, reject) => {
		const req = request(
			{ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { apikey: anonKey(), 'content-type': 'application/json' } },
			(res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			}
		);
		req.on('error', (error) => (req.destroyed ? resolve(-1) : reject(error)));
		const chunk = Buffer.alloc(64 * 1024, 'a');
		let sent = 0;
		const write = () => {
			while (sent < totalBytes) {
				sent += chunk.length;
				if (!req.write(chunk)) return req.once('drain', write);
			}
			req.end();
		};
		write();
	});
}

describe('body limits in front of PostgREST and Auth', () => {
	const routes = [
		{ path: '/rest/v1/rpc/get_feedback_page', size: 9 * 1024 * 1024 },
		{ path: '/rest/v1/surveys', size: 9 * 1024 * 1024 },
		{ path: '/auth/v1/token?grant_type=password', size: 2 * 1024 * 1024 },
		{ path: '/auth/v1/admin/users', size: 2 * 1024 * 1024 }
	];
	for (const { path, size } of routes) {
		it(`answers 413 to an oversize body on ${path}, with or without a length`, async () => {
			const body = JSON.stringify({ p_token: randomBytes(size / 2).toString('hex') });
			const response = await fetch(`${apiUrl()}${path}`, {
				method: 'POST',
				headers: { apikey: serviceRoleKey(), 'content-type': 'application/json' },
				body
			});
			expect(response.status).toBe(413);
			expect(await response.json()).toEqual({ message: 'Request size limit exceeded' });
			expect(await postChunked(path, size)).toBe(413);
		});
	}

	it('still passes an ordinary body through', async () => {
		const response = await fetch(`${apiUrl()}/rest/v1/rpc/get_feedback_page`, {
			method: 'POST',
			headers: { apikey: anonKey(), 'content-type': 'application/json' },
			body: JSON.stringify({ p_token: 'x'.repeat(100_000) })
		});
		expect(response.status).toBe(200);
	});
});

describe('CORS preflight', () => {
	it('allows the request headers browsers and supabase-js send, as Supabase does', async () => {
		const asked = 'authorization, apikey, content-type, x-client-info, traceparent, tracestate, baggage, x-retry-count';
		for (const path of ['/rest/v1/rpc/get_feedback_page', '/auth/v1/token', '/realtime/v1/api/broadcast']) {
			const response = await fetch(`${apiUrl()}${path}`, {
				method: 'OPTIONS',
				headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': asked }
			});
			expect(response.status).toBe(204);
			const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(',').map((name) => name.trim().toLowerCase());
			for (const name of asked.split(', ')) expect(allowed, `${name} on ${path}`).toContain(name);
		}
	});
});

describe('schema cache', () => {
	it('knows a function created while the stack runs, without a restart', async () => {
		// Granted to no one, so the catalog allowlist (run alongside) never sees it: a known function
		// answers anon 401 (permission denied), an unknown one 404 PGRST202 until the cache reloads.
		const name = `reload_probe_${randomBytes(4).toString('hex')}`;
		const db = await superuser();
		try {
			await db.query('set role postgres');
			await db.query(`create function public.${name}() returns int language sql as 'select 42'`);
			// PostgREST reloads on the NOTIFY the DDL sent; wait for that, never a fixed sleep.
			const deadline = Date.now() + 10_000;
			let answer = { status: 0, code: '' };
			while (Date.now() < deadline) {
				const response = await fetch(`${apiUrl()}/rest/v1/rpc/${name}`, {
					method: 'POST',
					headers: { apikey: anonKey(), 'content-type': 'application/json' },
					body: '{}'
				});
				answer = { status: response.status, code: (await response.json()).code };
				if (answer.code !== 'PGRST202') break;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			expect(answer).toEqual({ status: 401, code: '42501' });
		} finally {
			await db.query(`drop function if exists public.${name}()`);
			await db.end();
		}
	});
});
