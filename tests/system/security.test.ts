// Security checks on the production build: no secret in what browsers get, security headers on every kind
// of response, /staff/** closed without a session (pages redirect, data answers 401/403), and a signed-in
// user who is not staff gets nothing, neither from the app nor straight from the API.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { PROJECT_ROOT } from '../../supabase/local/stack.ts';
import { startSystemApp, type SystemApp } from './app.ts';

let app: SystemApp;

beforeAll(async () => {
	app = await startSystemApp('security');
});

afterAll(async () => {
	await app?.stop();
});

async function filesUnder(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(app.appUrl + path, { headers, redirect: 'manual' });

/** A JWT anywhere in a text whose payload names the service role. */
function serviceRoleJwts(text: string): string[] {
	return [...text.matchAll(/eyJ[\w-]+\.(eyJ[\w-]+)\.[\w-]+/g)]
		.filter((match) => Buffer.from(match[1], 'base64url').toString().includes('service_role'))
		.map((match) => match[0]);
}

const SECURITY_HEADERS = [
	'x-content-type-options',
	'x-frame-options',
	'referrer-policy',
	'permissions-policy',
	'cross-origin-opener-policy'
];

describe('secrets', () => {
	it('the client bundle and the pages hold neither the service-role key nor the JWT secret', async () => {
		const files = await filesUnder(join(PROJECT_ROOT, 'build/client'));
		expect(files.length).toBeGreaterThan(5);
		const texts = await Promise.all(files.filter((file) => !/\.(png|ico|br|gz)$/.test(file)).map((file) => readFile(file, 'utf8')));
		for (const path of ['/', '/f/demo-campaign-2026', '/f/demo-campaign-2026?as=complaint', '/t/demo-tracking-2026', '/staff/login']) {
			texts.push(await (await get(path)).text());
		}
		for (const text of texts) {
			expect(text).not.toContain(app.stack.serviceRoleKey);
			expect(text).not.toContain(app.stack.jwtSecret);
			expect(text).not.toContain('SUPABASE_SERVICE_ROLE_KEY');
			expect(serviceRoleJwts(text)).toEqual([]);
		}
	});
});

describe('security headers', () => {
	it('are on every kind of response: page, form action, error, redirect, static asset', async () => {
		const asset = (await filesUnder(join(PROJECT_ROOT, 'build/client/_app/immutable'))).find((file) => file.endsWith('.css'))!;
		const responses = {
			page: await get('/f/demo-campaign-2026'),
			action: await fetch(`${app.appUrl}/f/demo-campaign-2026?/survey`, {
				method: 'POST',
				headers: { origin: app.appUrl, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: 'recommend=99'
			}),
			notFound: await get('/f/no-such-link'),
			unknownRoute: await get('/no-such-page'),
			redirect: await get('/staff', { accept: 'text/html' }),
			immutableAsset: await get(asset.slice(join(PROJECT_ROOT, 'build/client').length)),
			staticFile: await get('/favicon.svg')
		};
		const missing: Record<string, string[]> = {};
		for (const [kind, response] of Object.entries(responses)) {
			const absent = SECURITY_HEADERS.filter((name) => !response.headers.get(name));
			if (absent.length) missing[`${kind} ${response.status}`] = absent;
		}
		expect(responses.action.status).toBe(400);
		expect(responses.redirect.status).toBe(303);
		expect(missing).toEqual({});
	});
});

describe('the staff portal without staff', () => {
	const pages = ['/staff', '/staff/clients', '/staff/contracts', '/staff/surveys', '/staff/invitations', '/staff/admin/staff'];

	it('redirects every page to the login without a session, and data endpoints answer 401', async () => {
		for (const page of pages) {
			const response = await get(page, { accept: 'text/html' });
			expect(response.status, page).toBe(303);
			expect(response.headers.get('location'), page).toBe(`/staff/login?next=${encodeURIComponent(page)}`);
		}
		expect((await get('/staff/realtime-token')).status).toBe(401);
		expect((await get('/staff/invitations/f1000000-0000-4000-8000-000000000001/qr?format=svg')).status).toBe(401);
		const enhanced = await fetch(`${app.appUrl}/staff/clients/new`, {
			method: 'POST',
			headers: {
				origin: app.appUrl,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: 'name=Intruso'
		});
		expect(enhanced.status).toBe(401);
		// A page's data asked directly is a redirect to the login, with none of the page's data.
		const data = await get('/staff/clients/__data.json');
		expect(await data.json()).toEqual({ type: 'redirect', location: '/staff/login?next=%2Fstaff%2Fclients' });
	});

	it('gives a signed-in user who is not staff nothing, from the app or from the API', async () => {
		const admin = createClient(app.stack.apiUrl, app.stack.serviceRoleKey, { auth: { persistSession: false } });
		const email = `outsider-${Date.now()}@example.com`;
		const created = await admin.auth.admin.createUser({ email, password: 'outsider-password', email_confirm: true });
		expect(created.error).toBeNull();
		const outsider = createClient(app.stack.apiUrl, app.stack.anonKey, { auth: { persistSession: false } });
		const { data, error } = await outsider.auth.signInWithPassword({ email, password: 'outsider-password' });
		expect(error).toBeNull();

		// The session cookie @supabase/ssr would have written for this Supabase URL.
		const cookieName = `sb-${new URL(app.stack.apiUrl).hostname.split('.')[0]}-auth-token`;
		const cookie = `${cookieName}=base64-${Buffer.from(JSON.stringify(data.session)).toString('base64url')}`;
		for (const page of pages) {
			const response = await get(page, { accept: 'text/html', cookie });
			expect(response.status, page).toBe(303);
			expect(response.headers.get('location'), page).toMatch(/^\/staff\/login/);
		}
		expect((await get('/staff/realtime-token', { cookie })).status).toBe(403);

		for (const table of [
			'clients',
			'contracts',
			'requirements',
			'staff_members',
			'surveys',
			'survey_invitations',
			'survey_responses',
			'feedback_items',
			'feedback_messages'
		] as const) {
			const { data: rows, error: readError } = await outsider.from(table).select('*').limit(5);
			// Either refused outright or no rows at all: never a row.
			expect(readError ? [] : rows, table).toEqual([]);
		}
	});
});
