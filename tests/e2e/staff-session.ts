// Signing in and out of the staff portal the way a person does, through the login form.
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

export async function signInAsStaff(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/staff/login');
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: 'Entrar' }).click();
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Salir' }).click();
	await expect(page).toHaveURL(/\/staff\/login$/);
}
