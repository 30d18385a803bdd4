// Lists that scale: a table with sorting, filters in the URL, a total and keyset pages that reach every row.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { sql } from './feedback-db.ts';
import { openStaffPage, signInAsStaff } from './staff-session.ts';

test('a list of 250 contracts pages through all of them, sorted by reference', { tag: '@both' }, async ({ page }) => {
	const prefix = `LOTE${Date.now().toString(36).toUpperCase()}`;
	const [client] = await sql<{ id: string }>("insert into public.clients (name) values ('Cliente de 250 contratos ' || $1) returning id", [
		prefix
	]);
	await sql(
		`insert into public.contracts (client_id, reference, title, start_date, due_date)
		select $1, $2 || '-' || lpad(n::text, 3, '0'), 'Contrato ' || n, '2026-01-01', date '2026-02-01' + (n % 40)
		from generate_series(1, 250) as n`,
		[client.id, prefix]
	);
	await signInAsStaff(page, 'agent@demo.local');
	await openStaffPage(page, `/staff/contracts?q=${prefix}&sort=reference&dir=asc`);
	await expect(page.getByTestId('list-count')).toHaveText('1–50 de 250');
	await expect(page.getByRole('columnheader', { name: /Referencia/ })).toHaveAttribute('aria-sort', 'ascending');
	await expectNoAxeViolations(page);

	const seen: string[] = [];
	for (let n = 0; n < 5; n++) {
		await expect(page.getByTestId('list-count')).toHaveText(`${n * 50 + 1}–${n * 50 + 50} de 250`);
		const references = await page.getByRole('link', { name: new RegExp(`^${prefix}-\\d{3}$`) }).allInnerTexts();
		expect(references).toHaveLength(50);
		seen.push(...references);
		if (n < 4) await page.getByRole('link', { name: 'Siguiente página' }).click();
	}
	await expect(page.getByRole('link', { name: 'Siguiente página' })).toHaveCount(0);
	expect(new Set(seen).size).toBe(250);
	expect(seen).toEqual([...seen].sort());
	// The filter and the sort live in the URL, so the last page is an address like any other.
	expect(new URL(page.url()).searchParams.get('q')).toBe(prefix);

	// Sorting the other way starts again from the first page.
	await page.getByRole('link', { name: /Referencia/ }).click();
	await expect(page.getByTestId('list-count')).toHaveText('1–50 de 250');
	await expect(page.getByRole('link', { name: `${prefix}-250` })).toBeVisible();
});

test('the client list is a table that sorts, filters by its URL, and keeps the archive apart', async ({ page }) => {
	await signInAsStaff(page, 'agent@demo.local');
	await openStaffPage(page, '/staff/clients?sort=name&dir=desc');
	await expect(page.getByRole('columnheader', { name: /Nombre/ })).toHaveAttribute('aria-sort', 'descending');
	const names = await page.getByRole('table').getByRole('row').locator('td:first-child').allInnerTexts();
	// The database's collation decides the order.
	const expected = await sql<{ name: string }>(
		'select name from public.clients where archived_at is null order by name desc, id desc limit 50'
	);
	expect(names.slice(0, 5)).toEqual(expected.slice(0, 5).map((row) => row.name));
	await expect(page.getByTestId('list-count')).toContainText(' de ');
	await expectNoAxeViolations(page);
});

test('the requirement, survey and link lists are sortable tables with a total, and pass an accessibility scan', async ({ page }) => {
	await signInAsStaff(page, 'quality@demo.local');
	for (const [path, sortable] of [
		['/staff/requirements?sort=priority&dir=desc', 'Prioridad'],
		['/staff/surveys?sort=status&dir=asc', 'Estado'],
		['/staff/invitations?sort=use_count&dir=desc', 'Usos']
	] as const) {
		await openStaffPage(page, path);
		await expect(page.getByRole('columnheader', { name: new RegExp(sortable) })).toHaveAttribute('aria-sort', /ascending|descending/);
		await expect(page.getByTestId('list-count')).toContainText(' de ');
		await expectNoAxeViolations(page);
	}
});
