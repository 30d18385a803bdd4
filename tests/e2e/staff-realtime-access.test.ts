// Live staff screens reach Supabase from the browser: the CSP must let exactly that origin through,
// and the page must be able to get the signed-in person's access token for Realtime.
import { expect, test } from '@playwright/test';
import { signInAsStaff } from './staff-session';

const apiUrl = process.env.PUBLIC_SUPABASE_URL ?? '';
const anonKey = process.env.PUBLIC_SUPABASE_ANON_KEY ?? '';

test('a staff page may connect to the configured Supabase origin over http and ws, and nowhere else', async ({ page }) => {
	await signInAsStaff(page, 'manager@demo.local');
	const outcome = await page.evaluate(
		async ({ apiUrl, anonKey }) => {
			const violations: string[] = [];
			const elsewhereRefused = new Promise<string>((resolve) =>
				document.addEventListener('securitypolicyviolation', (event) => {
					violations.push(event.blockedURI);
					if (event.blockedURI.startsWith('http://127.0.0.1:9')) resolve(event.effectiveDirective);
				})
			);
			const rest = await fetch(`${apiUrl}/rest/v1/`, { headers: { apikey: anonKey } }).then(
				(response) => response.status,
				() => 'blocked'
			);
			const socket = await new Promise<string>((resolve) => {
				const ws = new WebSocket(`${apiUrl.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${anonKey}&vsn=1.0.0`);
				ws.onopen = () => {
					ws.close();
					resolve('open');
				};
				ws.onerror = () => resolve('error');
			});
			const elsewhere = await fetch('http://127.0.0.1:9/').then(
				() => 'reached',
				() => 'blocked'
			);
			// The violation report is queued as a task after the fetch fails; wait for it (bounded).
			const refusedBy = await Promise.race([elsewhereRefused, new Promise((resolve) => setTimeout(() => resolve('no report'), 5000))]);
			return { rest, socket, elsewhere, refusedBy, violations };
		},
		{ apiUrl, anonKey }
	);
	expect(typeof outcome.rest).toBe('number');
	expect(outcome.socket).toBe('open');
	expect(outcome.elsewhere).toBe('blocked');
	expect(outcome.refusedBy).toBe('connect-src');
	expect(outcome.violations.some((uri) => uri.startsWith(apiUrl) || uri.startsWith(apiUrl.replace(/^http/, 'ws')))).toBe(false);
});

test('the page gets the signed-in person’s access token for Realtime, and a visitor gets none', async ({ page }) => {
	await signInAsStaff(page, 'agent@demo.local');
	const response = await page.request.get('/staff/realtime-token', { headers: { accept: 'application/json' } });
	expect(response.status()).toBe(200);
	expect(response.headers()['cache-control']).toContain('no-store');
	const { accessToken, expiresAt } = await response.json();
	const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8'));
	expect(claims.email).toBe('agent@demo.local');
	expect(claims.role).toBe('authenticated');
	expect(expiresAt).toBeGreaterThan(Date.now() / 1000);

	const visitor = await page.context().browser()!.newContext();
	try {
		// A data endpoint answers a status a script can act on (issue 14), not the login page.
		const anonymous = await visitor.request.get(new URL('/staff/realtime-token', page.url()).toString(), { maxRedirects: 0 });
		expect(anonymous.status()).toBe(401);
		expect(await anonymous.text()).not.toContain('accessToken');
	} finally {
		await visitor.close();
	}
});
