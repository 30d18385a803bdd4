// The Auth server's wire: error shapes, bad input, bad JWTs (checked against
// PostgREST too), @supabase/ssr cookies, and the server's own lifecycle.
import { describe, it, expect } from 'vitest';
import { createServerClient } from '@supabase/ssr';
import { anonClient, anonKey, apiUrl, dbUrl, jwtSecret, serviceClient } from './env.ts';
import { signJwt } from '../../supabase/local/keys.ts';
import { startAuthServer } from '../../supabase/local/auth/server.ts';

const PASSWORD = 'correct-horse-1';

async function newUser() {
	const email = `${crypto.randomUUID()}@test.local`;
	const { data, error } = await serviceClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
	expect(error).toBeNull();
	return { email, id: data.user!.id };
}

const auth = (path: string, init: RequestInit = {}) =>
	fetch(`${apiUrl()}/auth/v1${path}`, { ...init, headers: { apikey: anonKey(), ...init.headers } });

describe('auth wire format', () => {
	it('answers malformed JSON with 400 bad_json in both error shapes, never 500', async () => {
		const init = { method: 'POST', body: '{"email": ', headers: { 'content-type': 'application/json' } };
		const legacy = await auth('/token?grant_type=password', init);
		expect(legacy.status).toBe(400);
		expect(legacy.headers.get('x-sb-error-code')).toBe('bad_json');
		expect(await legacy.json()).toMatchObject({
			code: 400,
			error_code: 'bad_json',
			msg: expect.stringContaining('Could not parse request body as JSON')
		});
		const versioned = await auth('/token?grant_type=password', {
			...init,
			headers: { ...init.headers, 'x-supabase-api-version': '2024-01-01' }
		});
		expect(versioned.status).toBe(400);
		expect(versioned.headers.get('x-supabase-api-version')).toBe('2024-01-01');
		expect(versioned.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('x-supabase-api-version');
		expect(await versioned.json()).toMatchObject({ code: 'bad_json', message: expect.any(String) });
	});

	it('answers 404 for an unknown route and 405 for a wrong method', async () => {
		expect((await auth('/no-such-route')).status).toBe(404);
		const wrongMethod = await auth('/token?grant_type=password', { method: 'GET' });
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.headers.get('allow')).toBe('POST');
	});

	it('reports health and settings, and refuses signups', async () => {
		expect(await (await auth('/health')).json()).toMatchObject({ name: 'GoTrue' });
		expect(await (await auth('/settings')).json()).toMatchObject({ disable_signup: true, external: { email: true } });
		const { error } = await anonClient().auth.signUp({ email: `${crypto.randomUUID()}@test.local`, password: PASSWORD });
		expect(error).toMatchObject({ status: 422, code: 'signup_disabled' });
	});
});

describe('bad JWTs', () => {
	it('refuses an expired and a tampered token in PostgREST (401) and Auth (403 bad_jwt)', async () => {
		const { email, id } = await newUser();
		const { data } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
		const valid = data.session!.access_token;
		const now = Math.floor(Date.now() / 1000);
		// Past PostgREST's 30 s clock skew.
		const expired = await signJwt({ ...decodeClaims(valid), iat: now - 4000, exp: now - 300 }, jwtSecret());
		const [header, , signature] = valid.split('.');
		const forgedPayload = Buffer.from(JSON.stringify({ ...decodeClaims(valid), role: 'service_role' })).toString('base64url');
		const tampered = `${header}.${forgedPayload}.${signature}`;
		const wrongSecret = await signJwt({ sub: id, role: 'authenticated', exp: now + 600 }, 'another-secret-another-secret-another-secret');
		expect((await fetch(`${apiUrl()}/rest/v1/`, { headers: { apikey: anonKey(), authorization: `Bearer ${valid}` } })).status).toBe(200);
		for (const token of [expired, tampered, wrongSecret]) {
			const rest = await fetch(`${apiUrl()}/rest/v1/`, { headers: { apikey: anonKey(), authorization: `Bearer ${token}` } });
			expect(rest.status).toBe(401);
			const { error } = await anonClient().auth.getUser(token);
			expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
		}
	});
});

function decodeClaims(token: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

describe('@supabase/ssr cookies', () => {
	it('stores the session in a base64- cookie that a second server client reads back', async () => {
		const { email, id } = await newUser();
		const jar = new Map<string, string>();
		const cookies = {
			getAll: () => [...jar].map(([name, value]) => ({ name, value })),
			setAll: (list: { name: string; value: string }[]) =>
				list.forEach(({ name, value }) => (value ? jar.set(name, value) : jar.delete(name)))
		};
		const writer = createServerClient(apiUrl(), anonKey(), { cookies });
		const signIn = await writer.auth.signInWithPassword({ email, password: PASSWORD });
		expect(signIn.error).toBeNull();
		const name = `sb-${new URL(apiUrl()).hostname.split('.')[0]}-auth-token`;
		const value = jar.get(name);
		expect(value).toMatch(/^base64-/);
		expect(JSON.parse(Buffer.from(value!.slice('base64-'.length), 'base64url').toString('utf8'))).toMatchObject({
			refresh_token: signIn.data.session!.refresh_token
		});
		const reader = createServerClient(apiUrl(), anonKey(), { cookies: { getAll: cookies.getAll, setAll: () => {} } });
		const { data, error } = await reader.auth.getUser();
		expect(error).toBeNull();
		expect(data.user).toMatchObject({ id, email });
	});
});

describe('the Auth server on its own', () => {
	it('answers 401 no_authorization without a Bearer, and stops cleanly', async () => {
		const server = await startAuthServer({ port: 0, host: '127.0.0.1', dbUrl: dbUrl(), jwtSecret: jwtSecret() });
		const base = `http://127.0.0.1:${server.port}`;
		const response = await fetch(`${base}/user`);
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ code: 401, error_code: 'no_authorization', msg: 'This endpoint requires a Bearer token' });
		await server.stop();
		await expect(fetch(`${base}/health`)).rejects.toThrow();
	});
});
