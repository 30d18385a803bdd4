// The admin's deadline settings (desktop): targets saved in business hours, a refused calendar that
// changes nothing, holidays added and removed, absence marked and lifted; other roles are refused.
import { test, expect } from '@playwright/test';
import { sql } from './feedback-db.ts';
import { openStaffPage, signInAsStaff } from './staff-session.ts';
import { expectNoAxeViolations } from './axe.ts';

const minutes = async (priority: string) =>
	(
		await sql<{ first: number; resolution: number }>(
			'select first_response_minutes as first, resolution_minutes as resolution from public.sla_targets where priority = $1',
			[priority]
		)
	)[0];

test('an admin changes a deadline target, keeps a valid calendar, and manages holidays and absence', async ({ page }) => {
	test.setTimeout(90_000);
	await signInAsStaff(page, 'admin@demo.local');
	await openStaffPage(page, '/staff/admin/triage');
	await expectNoAxeViolations(page);
	const before = await minutes('low');

	// Low priority: the one no other journey files under, so a changed target moves nobody else's deadline.
	const resolution = page.getByLabel('Resolución, prioridad Baja (horas laborables)');
	await resolution.fill(String(before.resolution / 60 + 9));
	await page.getByRole('button', { name: 'Guardar los plazos' }).click();
	await expect(page.getByTestId('saved-targets')).toBeVisible();
	expect(await minutes('low')).toEqual({ first: before.first, resolution: before.resolution + 540 });
	await resolution.fill(String(before.resolution / 60));
	await page.getByLabel('Primera respuesta, prioridad Baja (horas laborables)').fill(String(before.resolution / 60 + 1));
	await page.getByRole('button', { name: 'Guardar los plazos' }).click();
	await expect(page.getByTestId('problem-targets')).toHaveText('La primera respuesta no puede vencer después de la resolución.');
	expect((await minutes('low')).first).toBe(before.first);
	await page.getByLabel('Primera respuesta, prioridad Baja (horas laborables)').fill(String(before.first / 60));
	await page.getByRole('button', { name: 'Guardar los plazos' }).click();
	await expect(page.getByTestId('saved-targets')).toBeVisible();
	expect(await minutes('low')).toEqual(before);

	// A working day that ends before it starts is refused and the calendar stays as it was.
	await page.getByLabel('Acaba la jornada').fill('08:00');
	await page.getByRole('button', { name: 'Guardar el calendario' }).click();
	await expect(page.getByTestId('problem-calendar')).toHaveText('La jornada debe acabar después de empezar.');
	const [calendar] = await sql<{ ends: string }>(`select to_char(day_ends_at, 'HH24:MI') as ends from public.business_calendar`);
	expect(calendar.ends).toBe('18:00');

	const year = 2040 + Math.floor(Math.random() * 50);
	const day = `${year}-03-19`;
	const name = `San José ${year}`;
	await page.getByLabel('Fecha del festivo').fill(day);
	await page.getByLabel('Nombre del festivo').fill(name);
	await page.getByRole('button', { name: 'Añadir el festivo' }).click();
	await expect(page.getByTestId('holidays')).toContainText(name);
	await page.getByLabel('Fecha del festivo').fill(day);
	await page.getByLabel('Nombre del festivo').fill(`${name} otra vez`);
	await page.getByRole('button', { name: 'Añadir el festivo' }).click();
	await expect(page.getByTestId('problem-holidays')).toHaveText('Ya hay un festivo en esa fecha.');
	await page.getByRole('button', { name: `Quitar el festivo ${name} (${day})` }).click();
	await expect(page.getByTestId('saved-holidays')).toBeVisible();
	await expect(page.getByTestId('holidays')).not.toContainText(name);
	expect(await sql('select 1 from public.business_holidays where holiday_date = $1', [day])).toHaveLength(0);

	const agent = page.getByTestId('availability').filter({ hasText: 'Pablo García Romero' });
	await page.getByRole('button', { name: 'Marcar ausente: Pablo García Romero' }).click();
	await expect(agent).toContainText('Ausente');
	await page.getByRole('button', { name: 'Marcar presente: Pablo García Romero' }).click();
	await expect(agent).toContainText('Presente');
	await expectNoAxeViolations(page);
});

test('only admins open the deadline settings', async ({ page }) => {
	await signInAsStaff(page, 'manager@demo.local');
	await expect(page.getByRole('link', { name: 'Plazos', exact: true })).toHaveCount(0);
	const response = await page.goto('/staff/admin/triage');
	expect(response?.status()).toBe(403);
});
