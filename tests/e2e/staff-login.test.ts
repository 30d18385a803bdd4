import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { attemptSignIn, signInAsStaff, signOut, signInAsStaffWithoutScripts } from './staff-session.ts';

const ROLES = [
	{ email: 'admin@demo.local', role: 'Administración', seesStaffAdmin: true },
	{ email: 'manager@demo.local', role: 'Dirección', seesStaffAdmin: false },
	{ email: 'quality@demo.local', role: 'Responsable de calidad', seesStaffAdmin: false },
	{ email: 'agent@demo.local', role: 'Agente de atención al cliente', seesStaffAdmin: false },
	{ email: 'account@demo.local', role: 'Gestor de cuentas', seesStaffAdmin: false }
];

for (const { email, role, seesStaffAdmin } of ROLES) {
	test(`${email} signs in, sees the screens of the role, and signs out`, async ({ page }) => {
		await signInAsStaff(page, email);
		await expect(page).toHaveURL(/\/staff$/);
		await expect(page.getByTestId('staff-role')).toHaveText(`Tu rol: ${role}`);
		const nav = page.getByRole('navigation', { name: 'Portal del personal' });
		await expect(nav.getByRole('link', { name: 'Clientes' })).toBeVisible();
		await expect(nav.getByRole('link', { name: 'Contratos' })).toBeVisible();
		// Staff management sits under the administration entry of the row.
		await expect(nav.getByText('Administración', { exact: true })).toHaveCount(seesStaffAdmin ? 1 : 0);
		await signOut(page);
		// Signed out means the portal is closed again.
		await page.goto('/staff');
		await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff$/);
	});
}

test('a wrong password shows the message and keeps the portal closed', async ({ page }) => {
	await attemptSignIn(page, 'agent@demo.local', 'not-the-password');
	await expect(page.getByRole('alert')).toHaveText('El correo o la contraseña no son correctos.');
	await expect(page).toHaveURL(/\/staff\/login/);
	await expect(page.getByLabel('Contraseña')).toHaveValue('');
});

test('an invalid e-mail is refused before anything is sent', async ({ page }) => {
	await attemptSignIn(page, 'not-an-email');
	await expect(page.getByText('Escriba un correo electrónico válido')).toBeVisible();
	await expect(page.getByLabel('Correo electrónico')).toHaveAttribute('aria-invalid', 'true');
});

test('the portal sends a visitor to sign in first and back where they were going', async ({ page }) => {
	await page.goto('/staff/contracts');
	await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff%2Fcontracts$/);
	await page.getByLabel('Correo electrónico').fill('manager@demo.local');
	await page.getByLabel('Contraseña').fill('demo-password');
	await page.getByRole('button', { name: 'Entrar' }).click();
	await expect(page).toHaveURL(/\/staff\/contracts$/);
});

test('login page and staff home pass an accessibility scan', async ({ page }) => {
	await page.goto('/staff/login');
	await expectNoAxeViolations(page);
	await signInAsStaff(page, 'quality@demo.local');
	await expect(page).toHaveURL(/\/staff$/);
	await expectNoAxeViolations(page);
});

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });

	test('the login form works, and a wrong password still shows the message', async ({ page }) => {
		await attemptSignIn(page, 'agent@demo.local', 'wrong-password');
		await expect(page.getByRole('alert')).toHaveText('El correo o la contraseña no son correctos.');
		await signInAsStaffWithoutScripts(page, 'agent@demo.local');
		await expect(page).toHaveURL(/\/staff$/);
		await expect(page.getByTestId('staff-role')).toHaveText('Tu rol: Agente de atención al cliente');
		await signOut(page);
	});
});
