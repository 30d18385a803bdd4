import { test, expect, type Page } from '@playwright/test';
import { countResponses, DEMO_CAMPAIGN_PATH, uniqueToken } from './feedback-db.ts';

async function answerDemoSurvey(page: Page, comment: string) {
	await page
		.getByRole('group', { name: /recomendaría/ })
		.getByRole('radio', { name: '9', exact: true })
		.check();
	await page
		.getByRole('group', { name: /grado de satisfacción/ })
		.getByRole('radio', { name: '4', exact: true })
		.check();
	await page.getByRole('checkbox', { name: 'Cumplimos los plazos' }).check();
	await page.getByLabel(/¿Qué podríamos mejorar\?/).fill(comment);
	await page.getByRole('button', { name: 'Enviar respuestas' }).click();
}

async function expectThanks(page: Page, comment: string) {
	await expect(page.getByRole('heading', { name: '¡Gracias por sus respuestas!' })).toBeVisible();
	await expect(page.getByText('Gracias por su tiempo. Leemos todas las respuestas.')).toBeVisible();
	expect(await countResponses(comment)).toBe(1);
	// The demo link also takes complaints and suggestions: the thanks keeps them on offer.
	await expect(page.getByRole('link', { name: 'Presentar una queja' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Hacer una sugerencia' })).toBeVisible();
}

test('a client opens the demo link, answers the survey and is thanked', { tag: '@phone' }, async ({ page }) => {
	const response = await page.goto(DEMO_CAMPAIGN_PATH);
	expect(response?.status()).toBe(200);
	expect(response?.headers()['cache-control']).toBe('private, no-store');
	expect(response?.headers()['x-robots-tag']).toBe('noindex');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Qué tal lo estamos haciendo?');

	const comment = uniqueToken('Más informes de avance');
	await answerDemoSurvey(page, comment);
	await expectThanks(page, comment);
});

test('a skipped required question is flagged inline and what was typed stays', { tag: '@phone' }, async ({ page }) => {
	await page.goto(DEMO_CAMPAIGN_PATH);
	const comment = 'Todo bien, salvo los plazos.';
	await page.getByLabel(/¿Qué podríamos mejorar\?/).fill(comment);
	await page.getByRole('button', { name: 'Enviar respuestas' }).click();

	await expect(page.getByRole('group', { name: /recomendaría/ }).getByText('Elija una respuesta.')).toBeVisible();
	await expect(page.getByRole('alert')).toHaveText('Revise los campos marcados.');
	await expect(page.getByLabel(/¿Qué podríamos mejorar\?/)).toHaveValue(comment);
});

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });

	test('the survey still posts and thanks the client', { tag: '@phone' }, async ({ page }) => {
		await page.goto(DEMO_CAMPAIGN_PATH);
		const comment = uniqueToken('Sin JavaScript');
		await answerDemoSurvey(page, comment);
		await expectThanks(page, comment);
	});

	test('a skipped required question comes back from the server with what was typed', { tag: '@phone' }, async ({ page }) => {
		await page.goto(DEMO_CAMPAIGN_PATH);
		const comment = 'Sin JavaScript y sin responder.';
		await page
			.getByRole('group', { name: /grado de satisfacción/ })
			.getByRole('radio', { name: '2', exact: true })
			.check();
		await page.getByLabel(/¿Qué podríamos mejorar\?/).fill(comment);
		const [response] = await Promise.all([
			page.waitForResponse((answer) => answer.request().method() === 'POST'),
			page.getByRole('button', { name: 'Enviar respuestas' }).click()
		]);
		expect(response.status()).toBe(400);
		await expect(page.getByRole('group', { name: /recomendaría/ }).getByText('Elija una respuesta.')).toBeVisible();
		await expect(page.getByLabel(/¿Qué podríamos mejorar\?/)).toHaveValue(comment);
		await expect(page.getByRole('group', { name: /grado de satisfacción/ }).getByRole('radio', { name: '2', exact: true })).toBeChecked();
	});
});
