// README screenshots of the manager's dashboard and a printed management review page, from the production build
// (`npm run build` first) on a fresh local stack with the demo seed. Run from the project root.
import { chromium } from '@playwright/test';
import { startAppUnderTest } from '../bench/app-server.ts';

const app = await startAppUnderTest();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(`${app.appUrl}/staff/login`);
	await page.getByLabel('Correo electrónico').fill('manager@demo.local');
	await page.getByLabel('Contraseña').fill('demo-password');
	await page.getByRole('button', { name: 'Entrar' }).click();
	await page.waitForURL((url) => url.pathname !== '/staff/login');
	await page.goto(`${app.appUrl}/staff/dashboard`);
	await page.locator('.live-status[data-state="live"]').waitFor();
	await page.screenshot({ path: 'docs/screenshots/dashboard.png', fullPage: true });

	const today = new Date();
	const quarter = Math.floor(today.getUTCMonth() / 3);
	const label = quarter === 0 ? `${today.getUTCFullYear() - 1}-Q4` : `${today.getUTCFullYear()}-Q${quarter}`;
	await page.goto(`${app.appUrl}/staff/reviews/${label}`);
	await page.setViewportSize({ width: 794, height: 1123 });
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: 'docs/screenshots/review-print.png', fullPage: true });
} finally {
	await browser.close();
	await app.stop();
}
