// What every HTTP answer of the production build carries, and what it never does: security
// headers on every kind of response, a session cookie scripts cannot read, no open redirect,
// and limits on password guessing and page loads.
import { test, expect, type APIResponse } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { randomInt, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from './feedback-db.ts';
import { attemptSignIn, signInAsStaff } from './staff-session.ts';

const SECURITY_HEADERS = [
	'x-content-type-options',
	'x-frame-options',
	'referrer-policy',
	'permissions-policy',
	'cross-origin-opener-policy'
];

function expectSecurityHeaders(response: APIResponse, what: string) {
	const headers = response.headers();
	for (const name of SECURITY_HEADERS) expect(headers[name], `${name} on ${what}`).toBeTruthy();
}

test('every kind of response carries the security headers', async ({ request }) => {
	const page = await request.get('/');
	expectSecurityHeaders(page, 'a page');
	// A static asset SvelteKit's handler serves without running the hooks.
	const asset = /\/_app\/immutable\/[^"'\s>]+\.js/.exec(await page.text())?.[0];
	expect(asset).toBeTruthy();
	const assetResponse = await request.get(asset!);
	expect(assetResponse.status()).toBe(200);
	expectSecurityHeaders(assetResponse, 'a static asset');
	// The staff guard's redirect, thrown from a handle (for a browser asking for the page; a script
	// asking for data gets 401 instead).
	const guarded = await request.get('/staff/clients', { maxRedirects: 0, headers: { accept: 'text/html' } });
	expect(guarded.status()).toBe(303);
	expectSecurityHeaders(guarded, 'a guard redirect');
	// Errors: a missing page, an unknown link.
	expectSecurityHeaders(await request.get('/no-such-page'), 'a 404');
	expectSecurityHeaders(await request.get('/f/no-such-token'), 'an unknown link');
	// A form action's redirect.
	const action = await request.post('/lang', {
		form: { locale: 'en', next: '/' },
		headers: { origin: new URL(page.url()).origin },
		maxRedirects: 0
	});
	expect(action.status()).toBe(303);
	expectSecurityHeaders(action, 'an action redirect');
});

test('the language switch returns only to this origin, whatever the next value holds', async ({ request, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	const tricky = fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', '\u0001', '\u007f', '.', ':', '@', 'evil.example', '%09', 'http:', 'ñ');
	const samples = [
		'/\t/evil.example',
		'/\r\n/evil.example',
		'/\u0000',
		...fc.sample(
			fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join('')),
			40
		)
	];
	for (const next of samples) {
		const response = await request.post('/lang', { form: { locale: 'es', next }, headers: { origin }, maxRedirects: 0 });
		expect(response.status(), JSON.stringify(next)).toBe(303);
		expect(new URL(response.headers()['location'], origin).origin, JSON.stringify(next)).toBe(origin);
	}
});

test('a signed-in staff member opening the login page with a foreign next stays here', async ({ page, baseURL }) => {
	await signInAsStaff(page, 'agent@demo.local');
	for (const next of ['/%09/evil.example', '/%0d%0a/evil.example', '%2F%2Fevil.example', '/%5Cevil.example', '/%01']) {
		const response = await page.request.get(`/staff/login?next=${next}`, { maxRedirects: 0 });
		expect(response.status(), next).toBe(303);
		expect(new URL(response.headers()['location'], baseURL).origin, next).toBe(new URL(baseURL!).origin);
	}
});

test('the session cookie is HttpOnly, lives a week, and staff pages are never cached', async ({ page, context }) => {
	const signIn = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/staff/login'));
	await signInAsStaff(page, 'quality@demo.local');
	const setting = await signIn;
	expect(setting.headers()['cache-control']).toContain('no-store');
	const session = (await context.cookies()).find((cookie) => cookie.name.startsWith('sb-') && cookie.name.includes('auth-token'));
	expect(session).toBeTruthy();
	expect(session!.httpOnly).toBe(true);
	const days = (session!.expires * 1000 - Date.now()) / 86_400_000;
	expect(days).toBeGreaterThan(6.9);
	expect(days).toBeLessThan(7.1);
	expect(await page.evaluate(() => document.cookie)).not.toContain('auth-token');
	const staffPage = await page.request.get('/staff');
	expect(staffPage.status()).toBe(200);
	expect(staffPage.headers()['cache-control']).toBe('private, no-store');
});

test('after five wrong passwords even the right one waits', async ({ page }) => {
	const email = `throttle-${randomUUID()}@test.local`;
	const id = randomUUID();
	await sql(
		`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, confirmation_token, recovery_token,
			email_change_token_new, email_change, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
		values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, extensions.crypt('right-password', extensions.gen_salt('bf', 10)),
			now(), '', '', '', '', '{"provider":"email","providers":["email"]}', '{}', now(), now())`,
		[id, email]
	);
	await sql(`insert into public.staff_members (user_id, full_name, email, role) values ($1, 'Prueba de bloqueo', $2, 'agent')`, [
		id,
		email
	]);
	for (let attempt = 0; attempt < 5; attempt++) {
		await attemptSignIn(page, email, `wrong-${attempt}`);
		await expect(page.getByRole('alert')).toHaveText('El correo o la contraseña no son correctos.');
	}
	await attemptSignIn(page, email, 'right-password');
	await expect(page.getByRole('alert')).toHaveText('Demasiados intentos fallidos. Espere unos minutos antes de volver a intentarlo.');
	await expect(page).toHaveURL(/\/staff\/login/);
});

/** A GET from a loopback address of this test's own (the app counts page loads per address). */
function getFrom(source: string, url: URL): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = httpRequest({ host: '127.0.0.1', port: url.port, path: url.pathname, localAddress: source }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end();
	});
}

test('opening link pages is limited per address, without touching other addresses', async ({ baseURL }) => {
	const source = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(2, 255)}`;
	const statuses: number[] = [];
	// Guessed tokens, the way someone walking through links would.
	for (let attempt = 0; attempt < 125; attempt++) statuses.push(await getFrom(source, new URL(`/f/guess-${attempt}`, baseURL)));
	expect(statuses.slice(0, 120).every((status) => status === 404)).toBe(true);
	expect(statuses.slice(120)).toEqual([429, 429, 429, 429, 429]);
	expect(await getFrom(`127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(2, 255)}`, new URL('/t/guess', baseURL))).toBe(404);
});

test(
	'a NUL character in a complaint is a field error (400), never "unavailable", on every try',
	{ tag: '@phone' },
	async ({ request, baseURL }) => {
		const origin = new URL(baseURL!).origin;
		const subject = `Nulo ${randomUUID()}`;
		const post = (accept: string) =>
			request.post('/f/demo-campaign-2026?/complaint', {
				headers: { origin, accept },
				form: {
					submission: 'AAAAAAAAAAAAAAAAAAAAAA',
					website: '',
					category: 'delivery',
					subject,
					description: 'La entrega llegó\u0000 rota.'
				},
				maxRedirects: 0
			});
		for (let attempt = 0; attempt < 2; attempt++) {
			// A form post without JavaScript gets the page again, with status 400.
			expect((await post('text/html')).status()).toBe(400);
			// The enhanced form (use:enhance) gets SvelteKit's JSON: a failure of status 400 naming the field.
			const enhanced = await post('application/json');
			const body = await enhanced.json();
			expect(body).toMatchObject({ type: 'failure', status: 400 });
			expect(body.data).toContain('description');
		}
		expect((await sql(`select count(*) as n from public.feedback_items where subject = $1`, [subject]))[0].n).toBe('0');
	}
);
