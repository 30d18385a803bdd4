import { test, expect, type Page } from '@playwright/test';
import { attemptSignIn, signInAsStaff, signOut, openStaffPage, signInAsStaffWithoutScripts } from './staff-session.ts';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createClient(page: Page, name: string, accountManager: string) {
	await openStaffPage(page, '/staff/clients/new');
	await page.getByLabel('Nombre', { exact: true }).fill(name);
	await page.getByLabel('CIF / NIF').fill(`T${unique()}`.slice(0, 12));
	await page.getByLabel('Correo de contacto').fill('compras@cliente.example');
	await page.getByLabel('Gestor de cuenta').selectOption({ label: accountManager });
	await page.getByRole('button', { name: 'Crear' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	return page.url();
}

test('a manager records a client and its contract, delivers it and records acceptance; other roles see only what they may', async ({
	page
}) => {
	// Four people sign in one after the other.
	test.setTimeout(120_000);
	const clientName = `Cliente prueba ${unique()}`;
	const reference = `CT-${unique()}`;
	await signInAsStaff(page, 'manager@demo.local');
	const clientUrl = await createClient(page, clientName, 'Lucía Fernández Ortega');

	await page.getByRole('link', { name: 'Nuevo contrato' }).click();
	await page.getByLabel('Referencia').fill(reference);
	await page.getByLabel('Título').fill('Mantenimiento anual de flota');
	await page.getByLabel('Fecha de inicio').fill('2026-01-10');
	await page.getByLabel('Fecha de entrega comprometida').fill('2026-03-31');
	await page.getByRole('button', { name: 'Crear' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
	const contractUrl = page.url();

	// Acceptance before delivery is refused with an explanation.
	await page.getByLabel('Aceptado').check();
	await page.getByRole('button', { name: 'Guardar conformidad' }).click();
	await expect(page.getByRole('alert')).toHaveText('Marca primero el contrato como entregado.');

	await page.getByLabel('Fecha de entrega', { exact: true }).fill('2026-03-30');
	await page.getByRole('button', { name: 'Marcar como entregado' }).click();
	// While another test has a contract-delivery survey active, the delivery shows that survey's new link first.
	await expect(page.getByText('A tiempo').or(page.getByText('Contrato marcado como entregado'))).toBeVisible();
	if (page.url() !== contractUrl) await openStaffPage(page, contractUrl);
	await expect(page.getByText('A tiempo')).toBeVisible();
	await page.getByLabel('Aceptado').check();
	await page.getByRole('button', { name: 'Guardar conformidad' }).click();
	await expect(page.getByTestId('conformity')).toHaveText('Aceptado');
	await signOut(page);

	// The client's account manager may edit it.
	await signInAsStaff(page, 'account@demo.local');
	await page.goto(clientUrl);
	await page.getByLabel('Teléfono de contacto').fill('+34 600 000 001');
	await page.getByRole('button', { name: 'Guardar cambios' }).click();
	await expect(page.getByRole('status')).toHaveText('Cambios guardados.');
	await signOut(page);

	// An agent reads the contract but gets no editing controls.
	await signInAsStaff(page, 'agent@demo.local');
	await page.goto(contractUrl);
	await expect(page.getByText('Solo lectura')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Marcar como entregado' })).toHaveCount(0);
	await signOut(page);

	// Another account manager's client does not exist for this one.
	await signInAsStaff(page, 'account2@demo.local');
	const response = await page.goto(clientUrl);
	expect(response?.status()).toBe(404);
	await openStaffPage(page, '/staff/clients');
	await expect(page.getByRole('link', { name: clientName })).toHaveCount(0);
});

test('an admin invites a staff member, who signs in, and deactivating them closes the portal', async ({ page }) => {
	test.setTimeout(120_000);
	const email = `nuevo.${unique()}@demo.local`;
	await signInAsStaff(page, 'admin@demo.local');
	await openStaffPage(page, '/staff/admin/staff');
	await page.getByLabel('Nombre completo').fill('Nueva Persona Prueba');
	await page.getByLabel('Correo de trabajo').fill(email);
	await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Agente de atención al cliente' });
	await page.getByRole('button', { name: 'Crear acceso' }).click();
	const result = page.getByTestId('invite-result');
	await expect(result).toContainText(email);
	const password = (await result.textContent())!.split(': ').pop()!.trim();
	await signOut(page);

	// The temporary password opens only the page that replaces it.
	await attemptSignIn(page, email, password);
	await expect(page).toHaveURL(/\/staff\/password$/);
	const ownPassword = `propia-${unique()}-${unique()}`;
	await page.getByLabel('Contraseña nueva').fill(ownPassword);
	await page.getByLabel('Repite la contraseña').fill(ownPassword);
	await page.getByRole('button', { name: 'Guardar la contraseña' }).click();
	await expect(page.getByTestId('staff-role')).toHaveText('Tu rol: Agente de atención al cliente');
	await signOut(page);

	await signInAsStaff(page, 'admin@demo.local');
	await openStaffPage(page, '/staff/admin/staff');
	// Closing someone's portal is asked first.
	await page.getByRole('listitem').filter({ hasText: email }).getByRole('link', { name: 'Desactivar: Nueva Persona Prueba' }).click();
	await expect(page.getByRole('heading', { name: '¿Desactivar a Nueva Persona Prueba?' })).toBeVisible();
	await page.getByRole('button', { name: 'Sí, desactivar' }).click();
	await expect(page.getByRole('status')).toHaveText('Persona desactivada.');
	await expect(page.getByRole('listitem').filter({ hasText: email })).toContainText('Desactivado');
	await signOut(page);

	await attemptSignIn(page, email, ownPassword);
	await expect(page.getByRole('alert')).toContainText('Esta cuenta no tiene acceso al portal del personal');
});

test('only admins reach staff management', async ({ page }) => {
	await signInAsStaff(page, 'manager@demo.local');
	const response = await page.goto('/staff/admin/staff');
	expect(response?.status()).toBe(403);
});

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });

	test('an account manager records a requirement for an own client', async ({ page }) => {
		const statement = `El cliente pide informes mensuales ${unique()}`;
		await signInAsStaffWithoutScripts(page, 'account@demo.local');
		await page.goto('/staff/requirements/new');
		await page.getByLabel('Cliente').selectOption({ label: 'Transportes Ruiz e Hijos S.L.' });
		await page.getByLabel('Requisito').fill(statement);
		await page.getByLabel('Prioridad').selectOption({ label: 'Alta' });
		await page.getByRole('button', { name: 'Crear' }).click();
		await expect(page.getByLabel('Requisito')).toHaveValue(statement);
		await page.goto('/staff/requirements');
		await expect(page.getByRole('link', { name: statement })).toBeVisible();
	});
});
