// README screenshots of the phone feedback page and a campaign QR poster, from the production build (`npm run build` first). Run from the project root.
import { chromium } from '@playwright/test';
import { startAppUnderTest } from '../bench/app-server.ts';
const app = await startAppUnderTest();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
	const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
	await phone.goto(`${app.appUrl}/f/demo-campaign-2026`);
	await phone.screenshot({ path: 'docs/screenshots/phone-feedback.png' });
	const context = await browser.newContext({ viewport: { width: 1000, height: 1000 } });
	const desk = await context.newPage();
	await desk.goto(`${app.appUrl}/staff/login`);
	await desk.getByLabel('Correo electrónico').fill('quality@demo.local');
	await desk.getByLabel('Contraseña').fill('demo-password');
	await desk.getByRole('button', { name: 'Entrar' }).click();
	await desk.waitForURL((u) => u.pathname !== '/staff/login');
	await desk.goto(`${app.appUrl}/staff/invitations/new?kind=campaign`);
	await desk.getByLabel('Presentar una queja').check();
	await desk.getByLabel('Dejar una sugerencia').check();
	await desk.getByLabel('Etiqueta').fill('Póster mostrador');
	await desk.getByRole('button', { name: 'Crear enlace' }).click();
	await desk.waitForURL(/\/staff\/invitations\/[0-9a-f-]{36}$/);
	const [poster] = await Promise.all([context.waitForEvent('page'), desk.getByRole('button', { name: 'Póster A4 para imprimir' }).click()]);
	await poster.waitForLoadState('networkidle');
	await poster.setViewportSize({ width: 794, height: 1123 });
	await poster.emulateMedia({ media: 'print' });
	await poster.screenshot({ path: 'docs/screenshots/qr-poster.png', fullPage: true });
} finally {
	await browser.close();
	await app.stop();
}
