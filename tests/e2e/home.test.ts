import { test, expect } from '@playwright/test';

test('home page is Spanish first and switches to English and back', { tag: '@phone' }, async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tu opinión mejora nuestro servicio');

	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your feedback improves our service');

	// The choice is remembered on this browser.
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	await page.getByRole('button', { name: /Español/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tu opinión mejora nuestro servicio');
});

test('every response carries the security headers', { tag: '@phone' }, async ({ request }) => {
	const response = await request.get('/');
	const headers = response.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	const csp = headers['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+'| 'nonce-[^']+')*( ;|;|$)/);
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
});
