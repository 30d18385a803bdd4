import { test, expect } from '@playwright/test';
import { signInAsStaff, openStaffPage } from './staff-session.ts';
import { DEMO_CAMPAIGN_PATH } from './feedback-db.ts';
import { expectNoAxeViolations } from './axe.ts';

const MANAGER = 'manager@demo.local';

function lastClosedQuarter(today = new Date()): string {
	const quarter = Math.floor(today.getUTCMonth() / 3);
	return quarter === 0 ? `${today.getUTCFullYear() - 1}-Q4` : `${today.getUTCFullYear()}-Q${quarter}`;
}

test('the dashboard follows a survey answered in another browser, without a reload', async ({ page, browser }) => {
	await signInAsStaff(page, MANAGER);
	await openStaffPage(page, '/staff/dashboard?quarters=4');
	await expect(page.locator('.live-status')).toHaveText(/En directo/);
	const sc = page.getByTestId('indicator-sc');
	const before = Number(await sc.getAttribute('data-n'));
	let reloaded = false;
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame()) reloaded = true;
	});

	const client = await browser.newContext();
	const phone = await client.newPage();
	await phone.goto(DEMO_CAMPAIGN_PATH);
	await phone
		.getByRole('group', { name: /recomendaría/ })
		.getByRole('radio', { name: '9', exact: true })
		.check();
	await phone
		.getByRole('group', { name: /grado de satisfacción/ })
		.getByRole('radio', { name: '5', exact: true })
		.check();
	await phone.getByRole('button', { name: 'Enviar respuestas' }).click();
	await expect(phone.getByRole('heading', { name: '¡Gracias por sus respuestas!' })).toBeVisible();
	await client.close();

	// An anonymous campaign answer is one more respondent in this quarter's SC.
	await expect.poll(async () => Number(await sc.getAttribute('data-n')), { timeout: 10_000 }).toBeGreaterThan(before);
	expect(reloaded).toBe(false);
});

test('a target that is not met offers a corrective action plan prefilled with the indicator and quarter', async ({ page }) => {
	await signInAsStaff(page, MANAGER);
	await openStaffPage(page, '/staff/dashboard');
	const notMet = page.locator('[data-status="not_met"]').first();
	await expect(notMet).toBeVisible();
	const link = notMet.getByRole('link', { name: 'Abrir plan de acción correctiva' });
	const href = new URL((await link.getAttribute('href'))!, page.url());
	expect(href.pathname).toBe('/staff/actions/new');
	expect(href.searchParams.get('origin')).toBe('indicator');
	expect(['cct', 'sc']).toContain(href.searchParams.get('indicator'));
	expect(href.searchParams.get('quarter')).toMatch(/^\d{4}-Q[1-4]$/);
});

test('charts can be read as tables and their points take keyboard focus', async ({ page }) => {
	await signInAsStaff(page, MANAGER);
	await openStaffPage(page, '/staff/dashboard');
	const chart = page.getByTestId('chart-quarters-sc');
	await expect(chart.getByRole('heading', { level: 3 })).toBeVisible();
	await chart.getByText('Ver como tabla').click();
	await expect(chart.getByRole('table')).toBeVisible();
	const point = chart.locator('circle.point').last();
	await point.focus();
	await expect(point).toBeFocused();
	await expect(chart.locator('.tooltip')).toBeVisible();

	// Deadline compliance per clock, as bars and as a table; the open corrective action plans below.
	const deadlines = page.getByTestId('chart-complaints-deadlines');
	await expect(deadlines).toContainText(/En plazo: (\d+(\.\d)? %|sin datos) de las primeras respuestas/);
	await deadlines.getByText('Ver como tabla').click();
	await expect(deadlines.locator('tr[data-clock="first_response"]')).toContainText('Primera respuesta');
	await expect(page.getByTestId('plans-open-count')).toHaveText(/^Planes abiertos: \d+\./);
	await expect(page.getByTestId('plans-open').locator('a[href^="/staff/actions/"]').first()).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the quarterly review renders and prints without navigation', async ({ page }) => {
	await signInAsStaff(page, MANAGER);
	await openStaffPage(page, `/staff/reviews/${lastClosedQuarter()}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Revisión por la dirección · ${lastClosedQuarter()}`);
	await expect(page.getByTestId('deadline-compliance').locator('tr[data-clock="resolution"]')).toContainText('Resolución');
	await expect(page.getByTestId('reopen-rate')).toContainText('Tasa de reapertura');
	await expect(page.getByTestId('plans-period')).toContainText('Planes del trimestre: abiertos');
	// Each table of the page downloads as CSV: UTF-8 with a BOM (Excel reads the accents), one header row.
	const csv = await page.request.get(`/staff/reviews/${lastClosedQuarter()}/export/deadline_compliance`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = (await csv.body()).toString('utf8');
	expect(text.startsWith('\ufeff')).toBe(true);
	expect(
		text
			.slice(1)
			.split(/\r?\n/)
			.slice(0, 4)
			.map((line) => line.split(',')[0])
	).toEqual(['figure', 'first_response', 'resolution', 'reopen_rate']);
	await expectNoAxeViolations(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Aprobar la revisión y congelar las cifras' })).toBeHidden();
	await expect(page.getByRole('heading', { name: '1. Indicadores frente a objetivo' })).toBeVisible();
});

test('a review approved by a manager freezes its figures and keeps its decisions', async ({ page }) => {
	await signInAsStaff(page, MANAGER);
	// A long-closed quarter nobody else reviews: the integration tests, which share the stack, use quarters
	// of 2000-2005, so this one is in 2006-2025; varied per run, since a local stack keeps its data.
	const slot = Date.now() % 80;
	const [year, q] = [2006 + Math.floor(slot / 4), (slot % 4) + 1];
	const quarter = `${year}-Q${q}`;
	const next = q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
	await openStaffPage(page, `/staff/reviews/${quarter}`);
	await page.getByLabel('Conclusiones').fill('Los indicadores se mantienen; reforzar los plazos.');
	// Each save reloads the page's data and re-renders its forms: wait until the saved text shows before filling the next one.
	await page.getByRole('button', { name: 'Guardar cambios' }).first().click();
	await expect(page.locator('.conclusions p')).toHaveText('Los indicadores se mantienen; reforzar los plazos.');
	await page.getByLabel('Nueva decisión').fill('Revisar la planificación de entregas cada mes');
	await page.getByRole('button', { name: 'Añadir decisión' }).click();
	await expect(page.getByTestId('decision')).toHaveCount(1);
	// The decision becomes a corrective action plan, prefilled from it, and the review then links to the plan.
	await page.getByRole('link', { name: 'Convertir en plan de acción correctiva' }).click();
	await expect(page.getByTestId('from-decision')).toContainText(quarter);
	await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
	await expect(page.getByLabel('Título')).toHaveValue('Revisar la planificación de entregas cada mes');
	await page.getByRole('button', { name: 'Crear el plan' }).click();
	await expect(page).toHaveURL(/\/staff\/actions\/[0-9a-f-]{36}$/);
	await openStaffPage(page, `/staff/reviews/${quarter}`);
	await expect(page.getByTestId('decision-plan')).toHaveText('Plan de acción: Revisar la planificación de entregas cada mes');
	await page.getByRole('button', { name: 'Aprobar la revisión y congelar las cifras' }).click();
	await expect(page.getByTestId('review-state')).toContainText('Aprobada por');
	await expect(page.getByLabel('Nueva decisión')).toHaveCount(0);

	await openStaffPage(page, `/staff/reviews/${next}`);
	await expect(page.getByTestId('decision').first()).toContainText('Revisar la planificación de entregas cada mes');
});
