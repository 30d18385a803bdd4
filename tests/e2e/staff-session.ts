// Signing in and out of the staff portal the way a person does, through the login form.
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

/** Fills and sends the login form; what follows is up to the caller. */
export async function attemptSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/staff/login');
	await page.getByLabel('Correo electrónico').fill(email);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: 'Entrar' }).click();
}

/** Signs in with scripts off (nothing hydrates) and waits until the portal has let the person in. */
export async function signInAsStaffWithoutScripts(page: Page, email: string, password = DEMO_PASSWORD) {
	await attemptSignIn(page, email, password);
	await page.waitForURL((url) => url.pathname !== '/staff/login');
}

/** Signs in and waits until the portal has let the person in and its first page has hydrated. */
export async function signInAsStaff(page: Page, email: string, password = DEMO_PASSWORD) {
	await signInAsStaffWithoutScripts(page, email, password);
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
}

/**
 * Opens a page of the signed-in portal and waits until it has hydrated: a field filled before that is reset by its
 * binding, and the form then sends the old value (the root layout marks `html[data-hydrated]` on mount).
 */
export async function openStaffPage(page: Page, path: string) {
	await page.goto(path);
	await hydrated(page);
}

/** Waits until the page has hydrated (see openStaffPage), for pages reached by a click or a redirect. */
export async function hydrated(page: Page) {
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Salir' }).click();
	await expect(page).toHaveURL(/\/staff\/login$/);
}
