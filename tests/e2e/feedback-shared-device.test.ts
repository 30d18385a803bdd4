// One tablet, several visitors in turn: identical answers from three people store three rows,
// with JavaScript and without.
import { test, expect, type Page } from '@playwright/test';
import { countResponses, DEMO_CAMPAIGN_PATH, uniqueToken } from './feedback-db.ts';

async function answerAndSend(page: Page, comment: string) {
	await page.goto(DEMO_CAMPAIGN_PATH);
	await page
		.getByRole('group', { name: /recomendaría/ })
		.getByRole('radio', { name: '10', exact: true })
		.check();
	await page
		.getByRole('group', { name: /grado de satisfacción/ })
		.getByRole('radio', { name: '5', exact: true })
		.check();
	await page.getByLabel(/¿Qué podríamos mejorar\?/).fill(comment);
	await page.getByRole('button', { name: 'Enviar respuestas' }).click();
	await expect(page.getByRole('heading', { name: '¡Gracias por sus respuestas!' })).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('three visitors with identical answers store three responses', { tag: '@phone' }, async ({ page }) => {
			const comment = uniqueToken('Misma respuesta');
			for (let visitor = 1; visitor <= 3; visitor++) {
				await answerAndSend(page, comment);
				expect(await countResponses(comment)).toBe(visitor);
			}
		});
	});
}
