// Exactly once across a 503: the database stored the complaint, but its answer never reached the app
// (PostgREST stalled, a proxy dropped the connection). The app says "try again"; the person reloads
// the page (a new hidden token) and sends the same complaint again. One row, and the confirmation.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { anonKey, apiUrl, serviceRoleKey } from '../env.ts';
import { createInvitation, sql, newSubmissionToken } from './fixtures.ts';

/** Forwards to the stack's gateway; while `dropAnswers` is on, it lets the upstream finish, then cuts the caller off. */
function startProxy(target: URL) {
	const state = { dropAnswers: false, dropped: 0 };
	const server = createServer((req, res) => {
		const upstream = request(
			{ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
			(answer) => {
				if (!state.dropAnswers) {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
					return;
				}
				answer.resume();
				answer.on('end', () => {
					state.dropped++;
					res.socket?.destroy();
				});
			}
		);
		req.pipe(upstream);
	});
	return new Promise<{ server: Server; url: string; state: typeof state }>((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, state }))
	);
}

/** One phone's cookie jar across requests. */
function jar(): Cookies {
	const cookies = new Map<string, string>();
	return {
		get: (name: string) => cookies.get(name),
		getAll: () => [...cookies].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void cookies.set(name, value),
		delete: (name: string) => void cookies.delete(name),
		serialize: () => ''
	} as unknown as Cookies;
}

describe('a complaint sent again after a 503', () => {
	let proxy: Awaited<ReturnType<typeof startProxy>>;
	beforeAll(async () => {
		proxy = await startProxy(new URL(apiUrl()));
		// The app's server reaches Supabase through the proxy (read when its client is first made).
		const [{ env: publicEnv }, { env: privateEnv }] = await Promise.all([import('$env/dynamic/public'), import('$env/dynamic/private')]);
		Object.assign(publicEnv, { PUBLIC_SUPABASE_URL: proxy.url, PUBLIC_SUPABASE_ANON_KEY: anonKey() });
		Object.assign(privateEnv, { SUPABASE_SERVICE_ROLE_KEY: serviceRoleKey() });
	});
	afterAll(async () => {
		await new Promise((resolve) => proxy.server.close(resolve));
	});

	it('is stored once, and the retry gets the confirmation', async () => {
		const { submitItem } = await import('../../../src/routes/f/[token]/submit-item.server.ts');
		const { token } = await createInvitation({ kind: 'campaign', offersComplaint: true });
		const subject = `Reintento ${crypto.randomUUID()}`;
		const cookies = jar();
		const post = (renderedSubmission: string) => {
			const body = new URLSearchParams({ submission: renderedSubmission, website: '', category: 'delivery', subject, description: 'Llegó tarde y mal embalado.' });
			const url = new URL(`http://app.local/f/${token}?/complaint`);
			const event = {
				request: new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
				url,
				params: { token },
				cookies,
				getClientAddress: () => '203.0.113.7',
				setHeaders: () => {},
				locals: {}
			} as unknown as RequestEvent<{ token: string }>;
			return submitItem(event, 'complaint');
		};

		proxy.state.dropAnswers = true;
		const first = (await post(newSubmissionToken())) as { status: number };
		proxy.state.dropAnswers = false;
		expect(proxy.state.dropped).toBe(1);
		expect(first.status).toBe(503);
		expect((await sql('select count(*) as n from public.feedback_items where subject = $1', [subject]))[0].n).toBe('1');

		// Reloaded page: a new hidden token; the same complaint again.
		const retry = (await post(newSubmissionToken())) as { form?: { message?: { type: string } }; status?: number };
		expect(retry.status ?? 200).toBe(200);
		expect((retry as { form: { message: { type: string } } }).form.message.type).toBe('item_sent');
		expect((await sql('select count(*) as n from public.feedback_items where subject = $1', [subject]))[0].n).toBe('1');
	});
});
