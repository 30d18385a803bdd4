// Staff triage journeys in the portal (desktop; the first one on a phone too): triage to resolution seen from the client's tracking page,
// live arrival of a complaint, keyboard-only triage, the stale-write guard, and axe on the triage screens.
import { randomUUID } from 'node:crypto';
import { test, expect, type Page } from '@playwright/test';
import { createTrackedComplaint, sql, uniqueToken } from './feedback-db.ts';
import { signInAsStaff, openStaffPage } from './staff-session.ts';
import { expectNoAxeViolations } from './axe.ts';

const AGENT = 'a0000000-0000-4000-8000-000000000004';

async function itemId(subject: string): Promise<string> {
	const [row] = await sql<{ id: string }>('select id from public.feedback_items where subject = $1', [subject]);
	return row.id;
}

async function openItem(page: Page, subject: string) {
	await openStaffPage(page, `/staff/inbox/${await itemId(subject)}`);
	await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
}

// On both viewports: agents triage from a phone too.
test(
	'an agent triages a new complaint, replies publicly and resolves it; the client sees the reply and the satisfaction question',
	{ tag: '@both' },
	async ({ page, browser }) => {
		const subject = uniqueToken('Entrega tardía');
		const token = await createTrackedComplaint(subject, 'new');
		await signInAsStaff(page, 'agent@demo.local');
		await openStaffPage(page, '/staff/inbox?view=new');
		await page.getByRole('link', { name: subject }).click();
		await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();

		await page.getByLabel('Prioridad').selectOption('high');
		await page.getByRole('button', { name: 'Guardar clasificación' }).click();
		await expect(page.locator('[data-kind="triaged"]')).toContainText('Alta');
		await page.getByRole('button', { name: 'Asignármela' }).click();
		await expect(page.locator('[data-kind="assigned"]')).toContainText('Pablo García Romero');

		await page.getByRole('button', { name: 'Pasar a «Clasificada»' }).click();
		await expect(page.getByTestId('item-status')).toHaveAttribute('data-status', 'triaged');
		await page.getByRole('button', { name: 'Pasar a «En curso»' }).click();
		await expect(page.getByTestId('item-status')).toHaveAttribute('data-status', 'in_progress');

		const reply = 'Hemos localizado su pedido y sale hoy por mensajería urgente.';
		await page.getByLabel('Respuesta al cliente (pública)').fill(reply);
		await expect(page.getByTestId('reply-preview')).toContainText(reply);
		await expect(page.getByTestId('reply-preview')).not.toContainText('Pablo');
		await page.getByRole('button', { name: 'Enviar al cliente' }).click();
		await expect(page.locator('[data-kind="public_reply"]')).toContainText(reply);
		await expect(page.locator('[data-clock="first_response"]')).toHaveAttribute('data-state', /met|breached/);

		await page.getByLabel('Cómo se resolvió (obligatorio para resolver)').fill('Pedido reenviado y entregado.');
		await page.getByRole('button', { name: 'Pasar a «Resuelta»' }).click();
		await expect(page.getByTestId('item-status')).toHaveAttribute('data-status', 'resolved');

		const client = await browser.newPage();
		await client.goto(`/t/${token}`);
		await expect(client.getByTestId('item-status')).toHaveText('Resuelta.');
		await expect(client.getByText(reply)).toBeVisible();
		await expect(client.getByText('Pablo García')).toHaveCount(0);
		await expect(client.getByRole('heading', { name: '¿Quedó satisfecho con la solución?' })).toBeVisible();
		await client.close();
	}
);

test('a second browser sees a new complaint arrive in the inbox without a reload', async ({ page }) => {
	await signInAsStaff(page, 'agent@demo.local');
	await openStaffPage(page, '/staff/inbox');
	await expect(page.locator('.live-status')).toHaveAttribute('data-state', 'live');
	await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

	const subject = uniqueToken('Llega en directo');
	await createTrackedComplaint(subject, 'new');
	await expect(page.getByTestId('new-items')).toBeVisible();
	await expect(page.getByRole('link', { name: subject })).toHaveCount(0);
	await page.getByTestId('new-items').click();
	await expect(page.getByRole('link', { name: subject })).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
});

test('keyboard-only triage: j moves, a assigns to me, Enter opens, the form saves from the keyboard', async ({ page }) => {
	// A word of letters only, so the search finds this test's item and no other test's.
	const word = `teclado${randomUUID()
		.replace(/[^a-f]/g, '')
		.slice(0, 10)}`;
	await createTrackedComplaint(`Atajos ${word}`, 'new');
	await signInAsStaff(page, 'agent@demo.local');
	await openStaffPage(page, `/staff/inbox?view=unassigned&q=${word}`);
	const rows = page.getByTestId('inbox-row');
	await expect(page.locator('table[data-ready="true"]')).toBeVisible();
	await expect(rows).toHaveCount(1);
	await page.keyboard.press('?');
	await expect(page.getByRole('dialog', { name: 'Atajos de teclado' })).toBeVisible();
	await page.keyboard.press('Escape');
	await page.keyboard.press('j');
	const first = await rows.first().getAttribute('data-id');
	await expect(page.locator(`[data-id="${first}"] a`)).toBeFocused();
	await page.keyboard.press('a');
	await expect
		.poll(async () => (await sql('select assignee_id from public.feedback_items where id = $1', [first]))[0].assignee_id)
		.toBe(AGENT);

	await openStaffPage(page, `/staff/inbox?view=mine&q=${word}`);
	await expect(page.locator('table[data-ready="true"]')).toBeVisible();
	await page.keyboard.press('j');
	const opened = await rows.first().getAttribute('data-id');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/staff/inbox/${opened}$`));
	await page.getByLabel('Prioridad').focus();
	await page.keyboard.press('End');
	await page.getByRole('button', { name: 'Guardar clasificación' }).focus();
	await page.keyboard.press('Enter');
	await expect
		.poll(async () => (await sql('select priority from public.feedback_items where id = $1', [opened]))[0].priority)
		.toBe('urgent');
});

test('a save on a stale item shows what changed and asks before overwriting', async ({ page, browser }) => {
	const subject = uniqueToken('Dos personas');
	await createTrackedComplaint(subject, 'new');
	const other = await browser.newPage();
	await signInAsStaff(page, 'agent@demo.local');
	await signInAsStaff(other, 'quality@demo.local');
	await openItem(page, subject);
	await openItem(other, subject);

	await other.getByLabel('Prioridad').selectOption('urgent');
	await other.getByRole('button', { name: 'Guardar clasificación' }).click();
	await expect(other.locator('[data-kind="triaged"]')).toContainText('Urgente');

	await page.getByLabel('Prioridad').selectOption('low');
	await page.getByRole('button', { name: 'Guardar clasificación' }).click();
	const notice = page.getByTestId('stale-notice');
	await expect(notice).toContainText('Alguien cambió este elemento');
	await expect(notice).toContainText('Marta López Herrera');
	expect((await sql('select priority from public.feedback_items where subject = $1', [subject]))[0].priority).toBe('urgent');

	await page.getByRole('button', { name: 'Guardar de todos modos' }).click();
	await expect(page.getByTestId('stale-notice')).toHaveCount(0);
	expect((await sql('select priority from public.feedback_items where subject = $1', [subject]))[0].priority).toBe('low');
	await other.close();
});

test('axe finds no violations on the inbox, an item and the audit trail', async ({ page }) => {
	const subject = uniqueToken('Accesible');
	await createTrackedComplaint(subject, 'new');
	await signInAsStaff(page, 'quality@demo.local');
	await openStaffPage(page, '/staff/inbox');
	await expect(page.getByTestId('inbox-row').first()).toBeVisible();
	await expectNoAxeViolations(page);
	await openItem(page, subject);
	await expectNoAxeViolations(page);
	await openStaffPage(page, '/staff/audit');
	await expect(page.getByTestId('audit-row').first()).toBeVisible();
	await expectNoAxeViolations(page);
});
