// Destructive actions are asked first and say what goes with them; the step works with and without JavaScript.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { DEMO_SURVEY_ID, sql } from './feedback-db.ts';
import { openStaffPage, signInAsStaff, signInAsStaffWithoutScripts } from './staff-session.ts';

/** A client with three contracts, two requirements and two survey responses. */
async function clientWithHistory(name: string): Promise<string> {
	const [client] = await sql<{ id: string }>('insert into public.clients (name) values ($1) returning id', [name]);
	await sql(
		`insert into public.contracts (client_id, reference, title, start_date, due_date)
		select $1, 'BORRAR-' || gen_random_uuid(), 'Contrato ' || n, '2026-01-01', '2026-06-30' from generate_series(1, 3) as n`,
		[client.id]
	);
	await sql(
		`insert into public.requirements (client_id, statement, priority) select $1, 'Requisito ' || n, 'medium' from generate_series(1, 2) as n`,
		[client.id]
	);
	await sql(
		`insert into public.survey_responses (survey_id, client_id, answers, submission_hash)
		select $2, $1, '{}'::jsonb, extensions.gen_random_bytes(32) from generate_series(1, 2)`,
		[client.id, DEMO_SURVEY_ID]
	);
	return client.id;
}

const clientExists = async (id: string) => (await sql('select 1 from public.clients where id = $1', [id])).length === 1;

async function expectTheStep(page: Page, name: string) {
	const step = page.getByTestId('confirm-delete');
	await expect(step.getByRole('heading', { name: `¿Eliminar «${name}»?` })).toBeVisible();
	const history = step.getByTestId('client-history');
	await expect(history).toContainText('Contratos: 3');
	await expect(history).toContainText('Requisitos: 2');
	await expect(history).toContainText('Respuestas a encuestas: 2');
	await expect(step).toContainText('Este cliente tiene historial');
}

test('deleting a client asks first, says what goes with it, and offers archiving', { tag: '@both' }, async ({ page }) => {
	const name = `Cliente con historial ${Date.now().toString(36)}`;
	const id = await clientWithHistory(name);
	await signInAsStaff(page, 'admin@demo.local');
	await openStaffPage(page, `/staff/clients/${id}`);
	await page.getByRole('link', { name: 'Eliminar el cliente…' }).click();
	await expectTheStep(page, name);
	await expectNoAxeViolations(page);

	// A post that skips the step deletes nothing: it lands on the step.
	const answer = await page.evaluate(async () => {
		const response = await fetch('?/delete', { method: 'POST', body: new FormData(), headers: { 'x-sveltekit-action': 'true' } });
		return response.json();
	});
	expect(answer).toMatchObject({ type: 'redirect', location: expect.stringContaining('?confirm=delete') });
	expect(await clientExists(id)).toBe(true);

	await page.getByRole('link', { name: 'Cancelar' }).click();
	await expect(page.getByTestId('confirm-delete')).toHaveCount(0);
	expect(await clientExists(id)).toBe(true);

	await page.getByRole('link', { name: 'Eliminar el cliente…' }).click();
	await page.getByRole('button', { name: 'Eliminar definitivamente' }).click();
	await expect(page).toHaveURL(/\/staff\/clients$/);
	expect(await clientExists(id)).toBe(false);
});

test('without JavaScript the delete step works, and archiving keeps the client out of the list', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const name = `Cliente sin JS ${Date.now().toString(36)}`;
	const id = await clientWithHistory(name);
	await signInAsStaffWithoutScripts(page, 'admin@demo.local');
	await page.goto(`/staff/clients/${id}`);
	await page.getByRole('link', { name: 'Eliminar el cliente…' }).click();
	await expectTheStep(page, name);

	await page.getByTestId('confirm-delete').getByRole('button', { name: 'Archivar el cliente' }).click();
	await expect(page.getByRole('status')).toHaveText('Cliente archivado. Ya no aparece en las listas.');
	expect(await clientExists(id)).toBe(true);
	await page.goto(`/staff/clients?q=${encodeURIComponent(name)}`);
	await expect(page.getByRole('link', { name })).toHaveCount(0);
	await page.goto(`/staff/clients?q=${encodeURIComponent(name)}&archived=1`);
	await page.getByRole('link', { name }).click();
	await page.getByRole('button', { name: 'Recuperar del archivo' }).click();
	await expect(page.getByRole('status')).toHaveText('Cliente recuperado del archivo.');

	await page.getByRole('link', { name: 'Eliminar el cliente…' }).click();
	await page.getByRole('button', { name: 'Eliminar definitivamente' }).click();
	await expect(page).toHaveURL(/\/staff\/clients$/);
	expect(await clientExists(id)).toBe(false);
	await context.close();
});

test('marking a contract delivered shows the survey link it made, once, with its QR code', async ({ page }) => {
	// A contract-delivery survey, for this test only (closed again at the end).
	const [survey] = await sql<{ id: string }>(
		`insert into public.surveys (trigger_point, status, definition)
		select 'contract_delivery', 'active', definition from public.surveys where id = $1 returning id`,
		[DEMO_SURVEY_ID]
	);
	try {
		const [client] = await sql<{ id: string }>(
			"insert into public.clients (name) values ('Cliente entrega ' || gen_random_uuid()) returning id"
		);
		const [contract] = await sql<{ id: string }>(
			`insert into public.contracts (client_id, reference, title, start_date, due_date)
			values ($1, 'ENT-' || gen_random_uuid(), 'Entrega con encuesta', '2026-01-01', '2026-06-30') returning id`,
			[client.id]
		);
		await signInAsStaff(page, 'manager@demo.local');
		await openStaffPage(page, `/staff/contracts/${contract.id}`);
		await page.getByLabel('Fecha de entrega', { exact: true }).fill('2026-03-30');
		await page.getByRole('button', { name: 'Marcar como entregado' }).click();
		await expect(page.getByText('Contrato marcado como entregado')).toBeVisible();
		await expect(page.getByTestId('issued-link')).toHaveValue(/\/f\/[\w-]{20,}$/);
		await expect(page.getByRole('button', { name: /PNG/ })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Volver al contrato' }).click();
		await expect(page.getByText('A tiempo')).toBeVisible();
		// Shown once: the link's page no longer has it.
		await page.goBack();
		await page.reload();
		await expect(page.getByTestId('issued-link')).toHaveCount(0);
	} finally {
		await sql("update public.surveys set status = 'closed' where id = $1", [survey.id]);
	}
});
