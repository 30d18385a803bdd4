import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

test('home page is Spanish first and switches to English and back', { tag: '@phone' }, async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su opinión mejora nuestro servicio');

	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your feedback improves our service');

	// The choice is remembered on this browser.
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	await page.getByRole('button', { name: /Español/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Su opinión mejora nuestro servicio');
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

test('the home page says what this is, opens a tracking code or link, and leads staff in', { tag: '@both' }, async ({ page }) => {
	await page.goto('/');
	await expect(page.getByText('Este portal recoge la opinión de los clientes')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Acceso del personal' })).toHaveAttribute('href', '/staff/login');
	await page.getByLabel('Código o enlace de seguimiento').fill('abc');
	await page.getByRole('button', { name: 'Ver el seguimiento' }).click();
	await expect(page.getByText('Ese código no es válido')).toBeVisible();
	await expectNoAxeViolations(page);
	// A whole pasted link works as well as the code alone.
	await page.getByLabel('Código o enlace de seguimiento').fill('  https://ejemplo.es/t/demo-tracking-2026 ');
	await page.getByRole('button', { name: 'Ver el seguimiento' }).click();
	await expect(page).toHaveURL(/\/t\/demo-tracking-2026$/);
});
