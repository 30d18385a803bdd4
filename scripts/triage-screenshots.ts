// README screenshots of the staff inbox and one complaint's page, from the production build (`npm run build` first)
// on a fresh local stack with the demo seed. Run from the project root.
import { chromium } from '@playwright/test';
import { startAppUnderTest } from '../bench/app-server.ts';

const app = await startAppUnderTest();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(`${app.appUrl}/staff/login`);
	await page.getByLabel('Correo electrónico').fill('agent@demo.local');
	await page.getByLabel('Contraseña').fill('demo-password');
	await page.getByRole('button', { name: 'Entrar' }).click();
	await page.waitForURL((url) => url.pathname !== '/staff/login');
	await page.goto(`${app.appUrl}/staff/inbox`);
	await page.locator('table[data-ready="true"]').waitFor();
	await page.screenshot({ path: 'docs/screenshots/inbox.png' });
	await page.getByRole('link', { name: 'Caída del ERP en plena campaña' }).click();
	await page.getByRole('heading', { level: 1, name: 'Caída del ERP en plena campaña' }).waitFor();
	await page.screenshot({ path: 'docs/screenshots/inbox-item.png', fullPage: true });
} finally {
	await browser.close();
	await app.stop();
}
