// The staff portal's frame: a menu that fits a phone and a desktop, the current section marked, errors lead back in.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { openStaffPage, signInAsStaff } from './staff-session.ts';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Portal del personal' });

test('on a phone the closed staff menu takes one line and opens to every section', { tag: '@phone' }, async ({ page }) => {
	await signInAsStaff(page, 'admin@demo.local');
	await openStaffPage(page, '/staff/clients');
	const box = await menu(page).boundingBox();
	expect(box!.height).toBeLessThanOrEqual(60);
	await expect(menu(page).getByRole('button', { name: 'Salir' })).toBeVisible();
	await expect(menu(page).getByRole('link', { name: 'Contratos' })).toBeHidden();
	await menu(page).getByText('Menú').click();
	await expect(menu(page).getByRole('link', { name: 'Clientes' })).toHaveAttribute('aria-current', 'page');
	await expectNoAxeViolations(page);
	await menu(page).getByRole('link', { name: 'Contratos' }).click();
	await expect(page).toHaveURL(/\/staff\/contracts$/);
});

test('on a phone the menu opens without JavaScript', { tag: '@phone' }, async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await page.goto('/staff/login');
	await page.getByLabel('Correo electrónico').fill('agent@demo.local');
	await page.getByLabel('Contraseña').fill('demo-password');
	await page.getByRole('button', { name: 'Entrar' }).click();
	await page.waitForURL((url) => url.pathname === '/staff');
	await menu(page).getByText('Menú').click();
	await menu(page).getByRole('link', { name: 'Requisitos' }).click();
	await expect(page).toHaveURL(/\/staff\/requirements$/);
	await context.close();
});

for (const width of [1280, 1366]) {
	test(`at ${width} px every section and "Salir" sit on one row`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await signInAsStaff(page, 'admin@demo.local');
		const nav = menu(page);
		// Every visible entry: the sections, the administration disclosure, the profile and "Salir".
		const admin = nav.getByText('Administración', { exact: true });
		const items = [...(await nav.getByRole('link').filter({ visible: true }).all()), admin, nav.getByRole('button', { name: 'Salir' })];
		expect(items.length).toBeGreaterThanOrEqual(14);
		const tops = new Set<number>();
		for (const item of items) {
			const box = await item.boundingBox();
			expect(box, await item.innerText()).not.toBeNull();
			tops.add(Math.round(box!.y + box!.height / 2));
		}
		expect([...tops].length).toBe(1);
		// The administration links open from the row, without JavaScript too (a <details>).
		await admin.click();
		await nav.getByRole('link', { name: 'Plazos', exact: true }).click();
		await expect(page).toHaveURL(/\/staff\/admin\/triage$/);
		// A page within a section marks the section.
		await page.goto('/staff/contracts/new');
		await expect(nav.getByRole('link', { name: 'Contratos' })).toHaveAttribute('aria-current', 'true');
		await expect(nav.getByRole('link', { name: 'Inicio' })).not.toHaveAttribute('aria-current');
	});
}

test('a staff page that does not exist leads back to the staff home', { tag: '@both' }, async ({ page }) => {
	await signInAsStaff(page, 'agent@demo.local');
	for (const path of ['/staff/no-such-page', '/staff/clients/00000000-0000-0000-0000-000000000000']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Algo no ha ido bien');
		await expect(page.getByRole('link', { name: 'Volver al portal del personal' })).toHaveAttribute('href', '/staff');
	}
	await expectNoAxeViolations(page);
});
