// The public page on a phone: what it weighs, where an incomplete submit takes the client, and a language
// switch that keeps what was typed. The page renders without a framework; its one small script does the rest.
import { test, expect, type Page } from '@playwright/test';
import { DEMO_CAMPAIGN_PATH } from './feedback-db.ts';
import { kb, measurePageWeight } from '../../bench/page-weight.ts';

const JS_BUDGET_KB = 40;
const TOTAL_BUDGET_KB = 100;

for (const path of [DEMO_CAMPAIGN_PATH, `${DEMO_CAMPAIGN_PATH}?as=complaint`]) {
	test(
		`${path} stays within 40 KB of JavaScript and 100 KB in all, from this origin only`,
		{ tag: '@phone' },
		async ({ page, baseURL }) => {
			const weight = await measurePageWeight(page, `${baseURL}${path}`);
			const report = weight.responses.map((response) => `${kb(response.gzipBytes)} KB ${response.path}`).join('\n');
			expect(kb(weight.jsBytes), report).toBeLessThan(JS_BUDGET_KB);
			expect(kb(weight.totalBytes), report).toBeLessThan(TOTAL_BUDGET_KB);
			expect(weight.externalRequests).toBe(0);
			// Measured from real responses: the page's script is among them.
			expect(weight.responses.some((response) => response.script)).toBe(true);
		}
	);
}

/** An incomplete complaint sent from the bottom of the form, where a thumb would send it. */
async function sendIncompleteComplaint(page: Page) {
	await page.getByLabel('Asunto', { exact: true }).fill('Factura');
	await page.getByLabel('Descripción', { exact: true }).fill('Mal.');
	const send = page.getByRole('button', { name: 'Enviar queja' });
	await send.scrollIntoViewIfNeeded();
	await send.click();
}

async function expectSummaryInFocus(page: Page) {
	const summary = page.locator('[data-error-summary]');
	await expect(summary).toBeFocused();
	await expect(summary).toBeInViewport();
	await expect(summary.getByRole('heading')).toHaveText('Revise 2 respuestas antes de enviar');
	await expect(summary.getByRole('link')).toHaveText(['Tema: Elija un tema.', 'Descripción: Escriba al menos 10 caracteres.']);
	return summary;
}

test(
	'an incomplete submit moves focus to a summary at the top that links to each field, without a reload',
	{ tag: '@phone' },
	async ({ page }) => {
		await page.goto(`${DEMO_CAMPAIGN_PATH}?as=complaint`);
		await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
		await sendIncompleteComplaint(page);
		const summary = await expectSummaryInFocus(page);
		expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

		await summary.getByRole('link', { name: /^Descripción/ }).click();
		await expect(page.getByLabel('Descripción', { exact: true })).toBeFocused();
		await expect(page.getByLabel('Descripción', { exact: true })).toHaveValue('Mal.');
		await summary.getByRole('link', { name: /^Tema/ }).click();
		await expect(page.getByRole('radio', { name: 'Producto' })).toBeFocused();
	}
);

test('a survey sent with nothing chosen lists both required questions and focuses the summary', { tag: '@phone' }, async ({ page }) => {
	await page.goto(DEMO_CAMPAIGN_PATH);
	await page.getByRole('button', { name: 'Enviar respuestas' }).click();
	const summary = page.locator('[data-error-summary]');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveCount(2);
	await summary.getByRole('link', { name: /recomendaría/ }).click();
	await expect(page.getByRole('group', { name: /recomendaría/ }).getByRole('radio', { name: '0', exact: true })).toBeFocused();
});

test('switching language in the middle of a complaint keeps what was typed', { tag: '@phone' }, async ({ page }) => {
	await page.goto(`${DEMO_CAMPAIGN_PATH}?as=complaint`);
	await page.getByRole('radio', { name: 'Facturación' }).check();
	await page.getByLabel('Asunto', { exact: true }).fill('Factura duplicada');
	await page.getByLabel('Descripción', { exact: true }).fill('Nos han cobrado dos veces la factura de octubre.');
	await page.getByRole('checkbox', { name: /contact/i }).check();
	await page.getByRole('button', { name: /English/ }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText('File a complaint');
	await expect(page.getByRole('radio', { name: 'Billing' })).toBeChecked();
	await expect(page.getByLabel('Subject', { exact: true })).toHaveValue('Factura duplicada');
	await expect(page.getByLabel('Description', { exact: true })).toHaveValue('Nos han cobrado dos veces la factura de octubre.');
	await expect(page.getByRole('checkbox', { name: /contact/i })).toBeChecked();
	// Kept for that one switch only: a later visit starts empty.
	await page.reload();
	await expect(page.getByLabel('Subject', { exact: true })).toHaveValue('');
});

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });

	test('an incomplete submit comes back with the summary focused at the top', { tag: '@phone' }, async ({ page }) => {
		await page.goto(`${DEMO_CAMPAIGN_PATH}?as=complaint`);
		await sendIncompleteComplaint(page);
		await expectSummaryInFocus(page);
		await expect(page.getByLabel('Asunto', { exact: true })).toHaveValue('Factura');
	});
});
