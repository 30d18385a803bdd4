// Quality turns two complaints into one corrective action plan, closes its actions, and another person
// verifies its effectiveness once the check's window has passed (the clock is fixed by moving the
// plan's "actions done" instant 95 days back, straight in the database).
import { test, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { sql } from './feedback-db.ts';
import { expectNoAxeViolations } from './axe.ts';
import { signInAsStaff, signOut, openStaffPage } from './staff-session.ts';

async function complaintsOfNewClient(tag: string): Promise<string[]> {
	const [client] = await sql<{ id: string }>('insert into public.clients (name) values ($1) returning id', [`Cliente ${tag}`]);
	const rows = await sql<{ id: string }>(
		`insert into public.feedback_items (kind, category, subject, description, client_id)
		select 'complaint', 'delivery', subject, 'La entrega llegó incompleta otra vez esta semana.', $1
		from unnest(array[$2, $3]) as subject returning id`,
		[client.id, `Entrega incompleta ${tag} A`, `Entrega incompleta ${tag} B`]
	);
	return rows.map((row) => row.id);
}

async function backdateActionsDone(planId: string, days: number) {
	if (!/^[0-9a-f-]{36}$/.test(planId)) throw new Error('not a plan id');
	await sql(
		`begin; set local session_replication_role = replica;
		update public.action_plans set actions_done_at = actions_done_at - interval '${days} days',
			verification_due_on = verification_due_on - ${days} where id = '${planId}'; commit;`
	);
}

async function timelineShowsPlan(page: Page, itemId: string, title: string) {
	await openStaffPage(page, `/staff/inbox/${itemId}`);
	await expect(page.locator('[data-kind="action_plan_linked"]')).toContainText(`Vinculada al plan de acción «${title}»`);
	await expect(page.getByTestId('item-plans').getByRole('link', { name: title })).toBeVisible();
}

test('quality makes one plan from two complaints, closes its actions, and the manager verifies it after the window', async ({ page }) => {
	test.setTimeout(120_000);
	const tag = randomUUID().slice(0, 8);
	const title = `Entregas incompletas ${tag}`;
	const [first, second] = await complaintsOfNewClient(tag);

	await signInAsStaff(page, 'quality@demo.local');
	await page.getByRole('navigation').getByRole('link', { name: 'Acciones' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planes de acción correctiva');
	await expectNoAxeViolations(page);

	await openStaffPage(page, `/staff/inbox/${first}`);
	await page.getByRole('link', { name: 'Crear un plan con esta queja' }).click();
	await expect(page.getByRole('link', { name: `Entrega incompleta ${tag} A` })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Título').fill(title);
	await page.getByLabel('Corrección inmediata').fill('Se enviaron las cajas que faltaban.');
	await page.getByRole('button', { name: 'Crear el plan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	const planId = page.url().split('/').at(-1)!;

	await openStaffPage(page, `/staff/inbox/${second}`);
	await page.getByLabel('Añadir a un plan existente').selectOption({ label: title });
	await page.getByRole('button', { name: 'Añadir al plan' }).click();
	await expect(page.getByTestId('item-plans')).toContainText(title);

	await openStaffPage(page, `/staff/actions/${planId}`);
	await expect(page.getByTestId('plan-items').getByRole('listitem')).toHaveCount(2);
	await page.getByLabel('¿Por qué? (1)').fill('El albarán se cerró antes de cargar');
	await page.getByLabel('Causa raíz', { exact: true }).fill('No se cuentan los bultos al cargar.');
	await page.getByLabel('Categoría de la causa').selectOption({ label: 'Método' });
	await page.getByRole('button', { name: 'Guardar el análisis' }).click();
	await expect(page.getByLabel('¿Por qué? (1)')).toHaveValue('El albarán se cerró antes de cargar');

	await page.getByLabel('Descripción de la acción').fill('Contar los bultos antes de cerrar el albarán');
	await page.getByLabel('Fecha límite').fill('2030-01-31');
	await page.getByRole('button', { name: 'Añadir una acción' }).click();
	await expect(page.getByTestId('plan-status')).toContainText('En curso');
	await page.getByRole('button', { name: 'Marcar como hecha' }).click();
	await expect(page.getByTestId('plan-actions')).toContainText('Hecha el');
	await page.getByRole('button', { name: 'Dar las acciones por hechas' }).click();
	await expect(page.getByTestId('plan-status')).toContainText('Acciones hechas');
	await expect(page.getByTestId('check-result')).toContainText('En espera');
	// The owner is not offered the verdict while another quality or manager person exists.
	await expect(page.getByText('debe verificarlo otra persona')).toBeVisible();
	await expectNoAxeViolations(page);

	await backdateActionsDone(planId, 95);
	await signOut(page);
	await signInAsStaff(page, 'manager@demo.local');
	await expect(page.getByTestId('plan-due')).toBeVisible();
	await openStaffPage(page, `/staff/actions/${planId}`);
	await expect(page.getByTestId('check-result')).toContainText('Cumple');
	await expect(page.getByText('Verificación pendiente')).toBeVisible();
	await page.getByLabel('Eficaz', { exact: true }).check();
	await page.getByLabel('Nota de la verificación').fill('Ninguna queja nueva de entregas de este cliente en 90 días.');
	await page.getByRole('button', { name: 'Registrar la verificación' }).click();
	await expect(page.getByTestId('plan-status')).toContainText('Verificado eficaz');
	await expect(page.getByText('Verificado por')).toBeVisible();
	await expectNoAxeViolations(page);

	await timelineShowsPlan(page, first, title);
	await timelineShowsPlan(page, second, title);
});
