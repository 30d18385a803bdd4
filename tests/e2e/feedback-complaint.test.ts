import { test, expect, type Page } from '@playwright/test';
import { countItems, DEMO_CAMPAIGN_PATH, uniqueToken } from './feedback-db.ts';

async function fileComplaint(page: Page, subject: string) {
	await page.goto(DEMO_CAMPAIGN_PATH);
	await page.getByRole('link', { name: 'Presentar una queja' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Presentar una queja');
	await page.getByRole('radio', { name: 'Entrega o plazos' }).check();
	await page.getByLabel('Asunto', { exact: true }).fill(subject);
	await page.getByLabel('Descripción', { exact: true }).fill('El pedido llegó con tres días de retraso y sin aviso.');
	await page.getByLabel('Correo electrónico').fill('cliente@example.com');
	await page.getByRole('button', { name: 'Enviar queja' }).click();
}

/** The confirmation shows the tracking link and its QR code; answers the link. */
async function expectConfirmation(page: Page): Promise<string> {
	await expect(page.getByRole('heading', { name: 'Hemos recibido su queja' })).toBeVisible();
	const link = page.getByTestId('tracking-link');
	const trackingUrl = (await link.getAttribute('href')) ?? '';
	expect(trackingUrl).toMatch(/^http:\/\/localhost:\d+\/t\/[A-Za-z0-9_-]{22}$/);
	await expect(link).toHaveText(trackingUrl);
	await expect(page.getByRole('img', { name: 'Código QR del enlace de seguimiento' }).locator('svg')).toBeVisible();
	return trackingUrl;
}

async function followTracking(page: Page, subject: string) {
	await page.getByRole('link', { name: 'Ver el seguimiento' }).click();
	await expect(page).toHaveURL(/\/t\/[A-Za-z0-9_-]{22}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seguimiento de su queja');
	await expect(page.getByTestId('item-status')).toHaveText('Recibida: la revisaremos muy pronto.');
	await expect(page.getByText(subject)).toBeVisible();
}

test('a client files a complaint, keeps the tracking link and follows it', { tag: '@phone' }, async ({ page }) => {
	const subject = uniqueToken('Retraso en la entrega');
	await fileComplaint(page, subject);
	await expectConfirmation(page);
	await followTracking(page, subject);
	expect(await countItems(subject)).toBe(1);
});

test('a description that is too short is flagged inline and what was typed stays', { tag: '@phone' }, async ({ page }) => {
	await page.goto(`${DEMO_CAMPAIGN_PATH}?as=complaint`);
	await page.getByLabel('Asunto', { exact: true }).fill('Factura');
	await page.getByLabel('Descripción', { exact: true }).fill('Mal.');
	await page.getByRole('button', { name: 'Enviar queja' }).click();
	await expect(page.getByText('Escriba al menos 10 caracteres.', { exact: true })).toBeVisible();
	await expect(page.getByText('Elija un tema.', { exact: true })).toBeVisible();
	await expect(page.getByLabel('Descripción', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Asunto', { exact: true })).toHaveValue('Factura');
	await expect(page.getByLabel('Descripción', { exact: true })).toHaveValue('Mal.');
});

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });

	test('a complaint still posts, shows its tracking link, and the link opens', { tag: '@phone' }, async ({ page }) => {
		const subject = uniqueToken('Sin JavaScript');
		await fileComplaint(page, subject);
		await expectConfirmation(page);
		await followTracking(page, subject);
	});

	test('a resend after the confirmation was shown is the next complaint, as on a shared tablet', { tag: '@phone' }, async ({ page }) => {
		const subject = uniqueToken('Enviada dos veces');
		await fileComplaint(page, subject);
		const firstUrl = await expectConfirmation(page);

		// Back to the form (the browser restores what was typed, hidden submission token included) and send it
		// again: once a confirmation was shown, the next post is someone's new complaint, never swallowed.
		await page.goBack();
		await expect(page.getByLabel('Asunto', { exact: true })).toHaveValue(subject);
		await page.getByRole('button', { name: 'Enviar queja' }).click();
		expect(await expectConfirmation(page)).not.toBe(firstUrl);
		expect(await countItems(subject)).toBe(2);
	});
});
