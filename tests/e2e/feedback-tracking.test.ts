import { test, expect, type Page } from '@playwright/test';
import { advanceItem, createTrackedComplaint, sql, uniqueToken } from './feedback-db.ts';

async function resolutionOf(subject: string) {
	const [row] = await sql<{ resolution_satisfied: boolean | null }>(
		'select resolution_satisfied from public.feedback_items where subject = $1',
		[subject]
	);
	return row.resolution_satisfied;
}

async function answerSatisfaction(page: Page, subject: string) {
	await expect(page.getByTestId('item-status')).toHaveText('Resuelta.');
	await expect(page.getByRole('heading', { name: '¿Quedó satisfecho con la solución?' })).toBeVisible();
	await page.getByRole('button', { name: 'Sí' }).click();
	await expect(page.getByTestId('satisfaction-answer')).toContainText('Su respuesta: Sí.');
	await expect(page.getByRole('button', { name: 'Sí' })).toHaveCount(0);
	expect(await resolutionOf(subject)).toBe(true);
}

test('the tracking page shows public replies only, never internal notes or who wrote them', { tag: '@phone' }, async ({ page }) => {
	const subject = uniqueToken('Con respuestas');
	const token = await createTrackedComplaint(subject, 'new');
	await sql(
		`insert into public.feedback_messages (feedback_item_id, body, is_public, author_id)
		 select id, body, is_public, 'a0000000-0000-4000-8000-000000000004' from public.feedback_items,
		 (values ('Estamos revisando su pedido.', true), ('Nota interna: revisar con almacén.', false)) as reply (body, is_public)
		 where subject = $1`,
		[subject]
	);
	await advanceItem(subject, 'in_progress');
	await page.goto(`/t/${token}`);
	await expect(page.getByTestId('item-status')).toHaveText('En curso: estamos trabajando en ella.');
	await expect(page.getByText('Estamos revisando su pedido.')).toBeVisible();
	await expect(page.getByText('Nota interna')).toHaveCount(0);
	await expect(page.getByText('Pablo García')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: '¿Quedó satisfecho con la solución?' })).toHaveCount(0);
});

test(
	'once resolved, the tracking page asks whether the client was satisfied and records the answer',
	{ tag: '@phone' },
	async ({ page }) => {
		const subject = uniqueToken('Resuelta');
		const token = await createTrackedComplaint(subject, 'new');
		await advanceItem(subject, 'resolved');
		await page.goto(`/t/${token}`);
		await answerSatisfaction(page, subject);
		// The answer stays on the page for good.
		await page.reload();
		await expect(page.getByTestId('satisfaction-answer')).toContainText('Su respuesta: Sí.');
	}
);

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });

	test('the satisfaction question still records the answer', { tag: '@phone' }, async ({ page }) => {
		const subject = uniqueToken('Resuelta sin JavaScript');
		const token = await createTrackedComplaint(subject, 'resolved');
		await page.goto(`/t/${token}`);
		await answerSatisfaction(page, subject);
	});
});
