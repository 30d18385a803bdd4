// Account self-service: a forgotten password is reset through Supabase Auth's recovery mail, and a temporary
// password is changed before the portal opens.
import { randomUUID } from 'node:crypto';
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { sql } from './feedback-db.ts';
import { attemptSignIn, hydrated, openStaffPage } from './staff-session.ts';

/** A new agent with a known password, made through the Auth admin API as the invite screen does. */
async function newAgent(appMetadata: Record<string, unknown> = {}) {
	const email = `cuenta.${randomUUID().slice(0, 8)}@demo.local`;
	const password = `inicial-${randomUUID()}`;
	const response = await fetch(`${process.env.PUBLIC_SUPABASE_URL}/auth/v1/admin/users`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			apikey: process.env.SUPABASE_SERVICE_ROLE_KEY!,
			authorization: `Bearer ${process.env.SUPABASE_SERVICE_ROLE_KEY}`
		},
		body: JSON.stringify({ email, password, email_confirm: true, app_metadata: appMetadata })
	});
	expect(response.status).toBe(200);
	const { id } = (await response.json()) as { id: string };
	await sql("insert into public.staff_members (user_id, full_name, email, role) values ($1, 'Persona Cuenta', $2, 'agent')", [id, email]);
	return { email, password };
}

async function chooseNewPassword(page: Page, password: string) {
	// Reached by a redirect: filled before hydration, a bound field would be reset.
	await hydrated(page);
	await page.getByLabel('Contraseña nueva').fill(password);
	await page.getByLabel('Repite la contraseña').fill(password);
	await page.getByRole('button', { name: 'Guardar la contraseña' }).click();
}

test('a forgotten password is reset through the recovery link, which signs the person in once', { tag: '@both' }, async ({ page }) => {
	const { email } = await newAgent();
	await page.goto('/staff/login');
	await page.getByRole('link', { name: '¿Has olvidado tu contraseña?' }).click();
	await expect(page).toHaveURL(/\/staff\/forgot$/);
	await hydrated(page);
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByRole('button', { name: 'Enviar el enlace' }).click();
	await expect(page.getByRole('status')).toContainText('te hemos enviado un enlace');
	await expectNoAxeViolations(page);

	// The mailed (or logged) link is {app}/staff/reset?token_hash=<hash>&type=recovery; Auth keeps that hash.
	const [user] = await sql<{ recovery_token: string }>('select recovery_token from auth.users where email = $1', [email]);
	expect(user.recovery_token).toMatch(/^[0-9a-f]{56}$/);
	const link = `/staff/reset?token_hash=${user.recovery_token}&type=recovery`;
	await page.goto(link);
	await expect(page).toHaveURL(/\/staff\/password\?reason=recovery$/);
	await expect(page.getByText('Enlace comprobado')).toBeVisible();
	const newPassword = `nueva-${randomUUID()}`;
	await chooseNewPassword(page, newPassword);
	await expect(page.getByRole('status')).toHaveText('Contraseña guardada.');
	await expect(page.getByTestId('staff-role')).toHaveText('Tu rol: Agente de atención al cliente');

	// The link was spent.
	await page.context().clearCookies();
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('El enlace no es válido');
	// The new password is the password now.
	await attemptSignIn(page, email, newPassword);
	await expect(page).toHaveURL(/\/staff$/);
});

test('a temporary password must be changed before the portal opens', async ({ page }) => {
	const { email, password } = await newAgent({ must_change_password: true });
	await attemptSignIn(page, email, password);
	await expect(page).toHaveURL(/\/staff\/password$/);
	await expect(page.getByText('Has entrado con una contraseña temporal')).toBeVisible();
	await expectNoAxeViolations(page);
	// Nothing else opens meanwhile.
	await page.goto('/staff/clients');
	await expect(page).toHaveURL(/\/staff\/password$/);

	await chooseNewPassword(page, password);
	await expect(page.getByText('Elige una contraseña distinta de la actual.')).toBeVisible();
	const newPassword = `propia-${randomUUID()}`;
	await chooseNewPassword(page, newPassword);
	await expect(page.getByRole('status')).toHaveText('Contraseña guardada.');
	await page.goto('/staff/clients');
	await expect(page).toHaveURL(/\/staff\/clients$/);
});

test('a person edits their own name and language, which follow them to the next sign-in', async ({ page }) => {
	const { email, password } = await newAgent();
	await attemptSignIn(page, email, password);
	await expect(page).toHaveURL(/\/staff$/);
	await openStaffPage(page, '/staff/profile');
	await expect(page.getByRole('navigation', { name: 'Portal del personal' }).getByRole('link', { name: 'Mi perfil' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await page.getByLabel('Nombre que ven los demás').fill('Persona Renombrada');
	await page.getByLabel('Idioma del portal').selectOption('en');
	await page.getByRole('button', { name: 'Guardar cambios' }).click();
	await expect(page.getByRole('status')).toHaveText('Profile saved.');
	await expect(page.getByLabel('Name others see')).toHaveValue('Persona Renombrada');
	await expectNoAxeViolations(page);
	expect((await sql('select full_name, locale from public.staff_members where email = $1', [email]))[0]).toEqual({
		full_name: 'Persona Renombrada',
		locale: 'en'
	});
	// A new browser: the language comes from the profile at sign-in.
	await page.context().clearCookies();
	await attemptSignIn(page, email, password);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Persona Renombrada');
});
