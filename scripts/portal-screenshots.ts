// README screenshots of the staff portal on a phone (the home with its closed menu) and a desktop (the contracts
// list), from the production build (`npm run build` first) on a fresh local stack with the demo seed. Run from the
// project root.
import { chromium, type Page } from '@playwright/test';
import { startAppUnderTest } from '../bench/app-server.ts';

async function signIn(page: Page, appUrl: string) {
	await page.goto(`${appUrl}/staff/login`);
	await page.getByLabel('Correo electrónico').fill('manager@demo.local');
	await page.getByLabel('Contraseña').fill('demo-password');
	await page.getByRole('button', { name: 'Entrar' }).click();
	await page.waitForURL((url) => url.pathname !== '/staff/login');
}

const app = await startAppUnderTest();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
	const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
	await signIn(phone, app.appUrl);
	await phone.goto(`${app.appUrl}/staff`);
	await phone.screenshot({ path: 'docs/screenshots/staff-phone.png' });
	const desk = await browser.newPage({ viewport: { width: 1366, height: 900 } });
	await signIn(desk, app.appUrl);
	await desk.goto(`${app.appUrl}/staff/contracts`);
	await desk.screenshot({ path: 'docs/screenshots/staff-desktop.png' });
} finally {
	await browser.close();
	await app.stop();
}
