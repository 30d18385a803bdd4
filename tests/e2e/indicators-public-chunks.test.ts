// The client's public pages never download the dashboard's chart code: every script a browser fetches for
// /f/<token> and /t/<token> on the production build is free of d3. d3-color's named-colour table ("aliceblue")
// survives minification, and the dashboard's own scripts carry it, which proves the marker finds d3.
import { test, expect, type Page } from '@playwright/test';
import { signInAsStaff } from './staff-session.ts';
import { DEMO_CAMPAIGN_PATH } from './feedback-db.ts';

const D3_MARKER = 'aliceblue';

async function scriptsOf(page: Page, path: string): Promise<string[]> {
	const bodies: Promise<string>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script' || response.url().endsWith('.js')) bodies.push(response.text());
	});
	await page.goto(path);
	await page.waitForLoadState('networkidle');
	return Promise.all(bodies);
}

test('the public feedback and tracking pages load no d3 code', { tag: '@phone' }, async ({ page }) => {
	for (const path of [DEMO_CAMPAIGN_PATH, '/t/demo-tracking-2026']) {
		const scripts = await scriptsOf(page, path);
		expect(scripts.length).toBeGreaterThan(0);
		expect(scripts.filter((script) => script.includes(D3_MARKER))).toEqual([]);
	}
});

test('the dashboard does load d3 (the marker is real)', async ({ page }) => {
	await signInAsStaff(page, 'manager@demo.local');
	const scripts = await scriptsOf(page, '/staff/dashboard');
	expect(scripts.some((script) => script.includes(D3_MARKER))).toBe(true);
});
