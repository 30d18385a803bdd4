// Sessions through the real supabase-js client: password sign-in, rotating
// refresh tokens, the signed-in user's own routes, and sign-out.
import { describe, it, expect } from 'vitest';
import { decodeJwt } from 'jose';
import { anonClient, anonKey, apiUrl, serviceClient, superuser } from './env.ts';

const PASSWORD = 'correct-horse-1';

async function signedIn(metadata: Record<string, unknown> = {}) {
	const email = `${crypto.randomUUID()}@test.local`;
	const created = await serviceClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true, user_metadata: metadata });
	expect(created.error).toBeNull();
	const client = anonClient();
	const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
	expect(error).toBeNull();
	return { email, client, session: data.session!, userId: created.data.user!.id };
}

const getUserRaw = (accessToken: string) =>
	fetch(`${apiUrl()}/auth/v1/user`, { headers: { apikey: anonKey(), authorization: `Bearer ${accessToken}`, 'x-supabase-api-version': '2024-01-01' } });

describe('password sign-in', () => {
	it('returns a session whose access token carries GoTrue claims', async () => {
		const before = Math.floor(Date.now() / 1000);
		const { email, session, userId } = await signedIn({ full_name: 'Ada' });
		expect(session).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
		expect(session.refresh_token).toMatch(/^\S{12,}$/);
		expect(session.expires_at).toBeGreaterThanOrEqual(before + 3600);
		expect(session.user).toMatchObject({ id: userId, email, user_metadata: { full_name: 'Ada' } });
		const claims = decodeJwt(session.access_token);
		expect(claims).toMatchObject({
			iss: `${apiUrl()}/auth/v1`,
			sub: userId,
			aud: 'authenticated',
			email,
			phone: '',
			role: 'authenticated',
			aal: 'aal1',
			is_anonymous: false,
			app_metadata: { provider: 'email', providers: ['email'] },
			user_metadata: { full_name: 'Ada' }
		});
		expect(claims.exp).toBe(claims.iat! + 3600);
		expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
		expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
	});

	it('gives the same invalid_credentials for a wrong password and an unknown user', async () => {
		const { email } = await signedIn();
		for (const attempt of [{ email, password: 'wrong-password' }, { email: `${crypto.randomUUID()}@test.local`, password: PASSWORD }]) {
			const { data, error } = await anonClient().auth.signInWithPassword(attempt);
			expect(data.session).toBeNull();
			expect(error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
		}
	});
});

describe('refresh tokens', () => {
	it('rotates on refresh; reusing the parent of the active token gives that active token back', async () => {
		const { session } = await signedIn();
		const refreshed = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(refreshed.error).toBeNull();
		const next = refreshed.data.session!;
		expect(next.refresh_token).not.toBe(session.refresh_token);
		expect(decodeJwt(next.access_token).session_id).toBe(decodeJwt(session.access_token).session_id);
		// The client lost the answer and tries again: GoTrue answers with the active token, not a new one.
		const again = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(again.error).toBeNull();
		expect(again.data.session!.refresh_token).toBe(next.refresh_token);
	});

	it('treats reuse of an older token, after the reuse interval, as theft and revokes the session', async () => {
		const { session } = await signedIn();
		const first = (await anonClient().auth.refreshSession({ refresh_token: session.refresh_token })).data.session!;
		const second = (await anonClient().auth.refreshSession({ refresh_token: first.refresh_token })).data.session!;
		const db = await superuser();
		try {
			await db.query(`update auth.refresh_tokens set updated_at = now() - interval '11 seconds' where token = $1`, [session.refresh_token]);
		} finally {
			await db.end();
		}
		const reused = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(reused.error).toMatchObject({ status: 400, code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' });
		// The session is gone: the thief's and the owner's latest tokens alike.
		const afterReuse = await anonClient().auth.refreshSession({ refresh_token: second.refresh_token });
		expect(afterReuse.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
	});

	it('accepts reuse of an older token within the reuse interval (10 s, as GoTrue)', async () => {
		const { session } = await signedIn();
		const first = (await anonClient().auth.refreshSession({ refresh_token: session.refresh_token })).data.session!;
		await anonClient().auth.refreshSession({ refresh_token: first.refresh_token });
		const reused = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(reused.error).toBeNull();
		expect((await anonClient().auth.refreshSession({ refresh_token: reused.data.session!.refresh_token })).error).toBeNull();
	});

	it('ends a session older than its timebox (config.toml [auth.sessions])', async () => {
		const { session } = await signedIn();
		const db = await superuser();
		try {
			await db.query(`update auth.sessions set created_at = now() - interval '8 days' where id = $1`, [decodeJwt(session.access_token).session_id]);
		} finally {
			await db.end();
		}
		const { error } = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(error).toMatchObject({ status: 400, code: 'session_expired' });
	});

	it('answers refresh_token_not_found for a token it never issued', async () => {
		const { error } = await anonClient().auth.refreshSession({ refresh_token: 'never-issued-token' });
		expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
	});

	it('lets two concurrent refreshes of the same token both succeed with the same new token, and keeps the session', async () => {
		const { session } = await signedIn();
		// Separate clients: one client would merge the two calls into one request.
		const results = await Promise.all([anonClient(), anonClient()].map((client) => client.auth.refreshSession({ refresh_token: session.refresh_token })));
		expect(results.map((result) => result.error)).toEqual([null, null]);
		const [a, b] = results.map((result) => result.data.session!.refresh_token);
		expect(a).toBe(b);
		expect((await anonClient().auth.refreshSession({ refresh_token: a })).error).toBeNull();
	});
});

describe('the signed-in user', () => {
	it('reads itself with getUser', async () => {
		const { client, email, userId } = await signedIn();
		const { data, error } = await client.auth.getUser();
		expect(error).toBeNull();
		expect(data.user).toMatchObject({ id: userId, email, aud: 'authenticated', role: 'authenticated' });
	});

	it('changes its password: the old one then fails, the new one works', async () => {
		const { client, email } = await signedIn();
		const { error } = await client.auth.updateUser({ password: 'a-new-password-2' });
		expect(error).toBeNull();
		const old = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
		expect(old.error).toMatchObject({ code: 'invalid_credentials' });
		const fresh = await anonClient().auth.signInWithPassword({ email, password: 'a-new-password-2' });
		expect(fresh.error).toBeNull();
	});

	it('refuses a weak or unchanged password with 422', async () => {
		const { client } = await signedIn();
		const weak = await client.auth.updateUser({ password: 'abc' });
		expect(weak.error).toMatchObject({ status: 422, code: 'weak_password', reasons: ['length'] });
		const same = await client.auth.updateUser({ password: PASSWORD });
		expect(same.error).toMatchObject({ status: 422, code: 'same_password' });
	});

	it('merges data into user_metadata, null removing a key', async () => {
		const { client } = await signedIn({ keep: 'yes', drop: 'me', nested: { a: 1 } });
		const { data, error } = await client.auth.updateUser({ data: { drop: null, nested: { b: 2 }, added: true } });
		expect(error).toBeNull();
		expect(data.user?.user_metadata).toEqual({ keep: 'yes', nested: { b: 2 }, added: true });
	});
});

describe('sign-out', () => {
	it('ends the session: the old access token gets session_not_found, the old refresh token is unknown', async () => {
		const { client, session } = await signedIn();
		const { error } = await client.auth.signOut();
		expect(error).toBeNull();
		const response = await getUserRaw(session.access_token);
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ code: 'session_not_found', message: 'Session from session_id claim in JWT does not exist' });
		// auth-js turns session_not_found into its own "session missing" error.
		const viaClient = await anonClient().auth.getUser(session.access_token);
		expect(viaClient.error?.name).toBe('AuthSessionMissingError');
		const refreshed = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(refreshed.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
	});

	it('with scope others keeps the current session and ends the rest', async () => {
		const { client, email, session: first } = await signedIn();
		const second = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
		await client.auth.signOut({ scope: 'others' });
		expect((await getUserRaw(first.access_token)).status).toBe(200);
		expect((await getUserRaw(second.data.session!.access_token)).status).toBe(403);
	});
});
