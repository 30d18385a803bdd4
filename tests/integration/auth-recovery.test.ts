// Password recovery on the local Auth server, as GoTrue answers it: POST /recover mails a link (here caught by the
// server's mail hook, as the stack's log or a mail catcher would show it), POST /verify and GET /verify spend it once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import { anonClient, dbUrl, jwtSecret, superuser } from './env.ts';
import { mailTo, waitFor } from './notify/fixtures.ts';
import { createTestUser, deleteTestUsers, type TestUser } from './actors.ts';
import { startAuthServer, type AuthHandle } from '../../supabase/local/auth/server.ts';
import type { AuthMail } from '../../supabase/local/auth/mail.ts';

let server: AuthHandle;
let base: string;
const mails: AuthMail[] = [];
const users: TestUser[] = [];

beforeAll(async () => {
	server = await startAuthServer({
		port: 0,
		host: '127.0.0.1',
		dbUrl: dbUrl(),
		jwtSecret: jwtSecret(),
		mail: async (mail) => void mails.push(mail)
	});
	base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
	await server.stop();
	await deleteTestUsers(users);
});

const post = (path: string, body: unknown) =>
	fetch(`${base}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
		body: JSON.stringify(body)
	});

async function newUser() {
	const user = await createTestUser('recovery');
	users.push(user);
	return user;
}

/** Lets the next recovery mail go out at once (one per address per minute otherwise). */
async function allowAnotherMail(userId: string) {
	const db = await superuser();
	await db.query("update auth.users set recovery_sent_at = now() - interval '2 minutes' where id = $1", [userId]);
	await db.end();
}

describe('password recovery', () => {
	it('mails a link to the app, which verifyOtp spends once for a session', async () => {
		const user = await newUser();
		const response = await post('/recover?redirect_to=http%3A%2F%2Fapp.local%2Fstaff%2Freset', { email: user.email.toUpperCase() });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({});
		const mail = mails.find((sent) => sent.to === user.email)!;
		const link = new URL(/http:\/\/app\.local\S+/.exec(mail.text)![0]);
		expect(link.pathname).toBe('/staff/reset');
		expect(link.searchParams.get('type')).toBe('recovery');
		const tokenHash = link.searchParams.get('token_hash')!;

		// supabase-js's own verifyOtp, against this server (which has no /auth/v1 prefix: the gateway strips it).
		const fetchAuth: typeof fetch = (input, init) => fetch(String(input).replace(`${base}/auth/v1`, base), init);
		const viaJs = createClient(base, 'anon', { auth: { persistSession: false }, global: { fetch: fetchAuth } });
		const { data, error } = await viaJs.auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' });
		expect(error).toBeNull();
		expect(data.session?.access_token).toBeTruthy();
		expect(data.user?.email).toBe(user.email);

		const again = await post('/verify', { type: 'recovery', token_hash: tokenHash });
		expect(again.status).toBe(403);
		expect(await again.json()).toMatchObject({ code: 'otp_expired' });
	});

	it('accepts the six-digit code with the address, and the default link through GET /verify', async () => {
		const user = await newUser();
		await post('/recover', { email: user.email });
		const mail = mails.filter((sent) => sent.to === user.email).at(-1)!;
		const code = /code: (\d{6})/.exec(mail.text)![1];
		const byCode = await post('/verify', { type: 'recovery', email: user.email, token: code });
		expect(byCode.status).toBe(200);
		expect(await byCode.json()).toMatchObject({ token_type: 'bearer', user: { email: user.email } });

		await allowAnotherMail(user.id);
		await post('/recover', { email: user.email });
		const link = /http:\/\/\S+\/verify\?\S+/.exec(mails.filter((sent) => sent.to === user.email).at(-1)!.text)![0];
		const redirected = await fetch(`${link}&redirect_to=${encodeURIComponent('http://app.local/after')}`, { redirect: 'manual' });
		expect(redirected.status).toBe(303);
		const location = redirected.headers.get('location')!;
		expect(location).toMatch(/^http:\/\/app\.local\/after#access_token=[^&]+&.*type=recovery/);
		const reused = await fetch(`${link}&redirect_to=${encodeURIComponent('http://app.local/after')}`, { redirect: 'manual' });
		expect(reused.headers.get('location')).toContain('error_code=otp_expired');
	});

	it('answers an unknown address like a known one and mails nothing; a second mail within a minute is refused', async () => {
		const before = mails.length;
		const unknown = await post('/recover', { email: `nobody-${crypto.randomUUID()}@test.local` });
		expect(unknown.status).toBe(200);
		expect(await unknown.json()).toEqual({});
		expect(mails.length).toBe(before);

		const user = await newUser();
		expect((await post('/recover', { email: user.email })).status).toBe(200);
		const second = await post('/recover', { email: user.email });
		expect(second.status).toBe(429);
		expect(await second.json()).toMatchObject({ code: 'over_email_send_rate_limit' });
	});

	it('refuses a made-up or stale token', async () => {
		expect((await post('/verify', { type: 'recovery', token_hash: 'a'.repeat(56) })).status).toBe(403);
		const user = await newUser();
		await post('/recover', { email: user.email });
		const db = await superuser();
		const { rows } = await db.query(
			"update auth.users set recovery_sent_at = now() - interval '2 hours' where id = $1 returning recovery_token",
			[user.id]
		);
		await db.end();
		expect((await post('/verify', { type: 'recovery', token_hash: rows[0].recovery_token })).status).toBe(403);
	});
});

describe('the embedded stack', () => {
	it('sends the recovery mail to its mail catcher, with a link that signs the person in', async () => {
		const user = await newUser();
		const { error } = await anonClient().auth.resetPasswordForEmail(user.email, { redirectTo: 'http://app.local/staff/reset' });
		expect(error).toBeNull();
		const mail = await waitFor('the recovery mail in the catcher', async () => (await mailTo(user.email)).at(-1));
		const link = new URL(/http:\/\/app\.local\S+/.exec(mail.text)![0]);
		const tokenHash = link.searchParams.get('token_hash')!;
		const client = anonClient();
		const { data } = await client.auth.verifyOtp({ type: 'recovery', token_hash: tokenHash });
		expect(data.user?.email).toBe(user.email);
	});
});
