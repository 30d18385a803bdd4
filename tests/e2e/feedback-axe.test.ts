import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';
import { DEMO_CAMPAIGN_PATH } from './feedback-db.ts';

test('the survey page passes an accessibility scan', { tag: '@phone' }, async ({ page }) => {
	await page.goto(DEMO_CAMPAIGN_PATH);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the survey page with field errors passes an accessibility scan', { tag: '@phone' }, async ({ page }) => {
	await page.goto(DEMO_CAMPAIGN_PATH);
	await page.getByRole('button', { name: 'Enviar respuestas' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the complaint form passes an accessibility scan, with field errors', { tag: '@phone' }, async ({ page }) => {
	await page.goto(`${DEMO_CAMPAIGN_PATH}?as=complaint`);
	await page.getByRole('button', { name: 'Enviar queja' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the tracking page of a resolved complaint passes an accessibility scan', { tag: '@phone' }, async ({ page }) => {
	await page.goto('/t/demo-tracking-2026');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seguimiento de su queja');
	await expectNoAxeViolations(page);
});

test('the error pages pass an accessibility scan', { tag: '@phone' }, async ({ page }) => {
	await page.goto('/f/demo-expired-2026');
	await expectNoAxeViolations(page);
	await page.goto('/t/no-such-tracking-00000000');
	await expectNoAxeViolations(page);
});
