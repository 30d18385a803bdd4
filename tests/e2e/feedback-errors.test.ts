import { test, expect } from '@playwright/test';
import { createInvitation } from './feedback-db.ts';

test('an unknown link gets a friendly 404 page', { tag: '@phone' }, async ({ page }) => {
	const response = await page.goto('/f/no-such-link-0000000000');
	expect(response?.status()).toBe(404);
	expect(response?.headers()['x-robots-tag']).toBe('noindex');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('No encontramos este enlace');
});

test('an expired link says so, with status 410', { tag: '@phone' }, async ({ page }) => {
	const token = await createInvitation({ expiresAt: new Date(Date.now() - 60_000) });
	const response = await page.goto(`/f/${token}`);
	expect(response?.status()).toBe(410);
	expect(response?.headers()['cache-control']).toBe('private, no-store');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Este enlace ha caducado');
	await expect(page.getByText('pida un enlace nuevo')).toBeVisible();
});

test('a revoked link says so, with status 410', { tag: '@phone' }, async ({ page }) => {
	const response = await page.goto('/f/demo-revoked-2026');
	expect(response?.status()).toBe(410);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Este enlace ya no está activo');
});

test('a used-up personal survey link says it was answered, with status 409', { tag: '@phone' }, async ({ page }) => {
	const token = await createInvitation({ kind: 'personal', complaint: false, suggestion: false, usedUp: true });
	const response = await page.goto(`/f/${token}`);
	expect(response?.status()).toBe(409);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ya ha respondido');
});

test('a used-up survey on a link that also takes complaints still offers them', { tag: '@phone' }, async ({ page }) => {
	const token = await createInvitation({ kind: 'personal', suggestion: false, usedUp: true });
	await page.goto(`/f/${token}`);
	await expect(page.getByText('Ya respondió la encuesta de este enlace')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Presentar una queja');
});

test('an unknown tracking link gets a friendly 404 page', { tag: '@phone' }, async ({ page }) => {
	const response = await page.goto('/t/no-such-tracking-00000000');
	expect(response?.status()).toBe(404);
	expect(response?.headers()['cache-control']).toBe('private, no-store');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('No encontramos este seguimiento');
});

test('an oversized form is refused before it is read, with a page in words', { tag: '@phone' }, async ({ request, baseURL }) => {
	const description = 'x'.repeat(200 * 1024);
	const response = await request.post('/f/demo-campaign-2026?/complaint', {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { subject: 'Demasiado', description, category: 'service' }
	});
	expect(response.status()).toBe(413);
	expect(await response.text()).toContain('El formulario es demasiado grande');
});
