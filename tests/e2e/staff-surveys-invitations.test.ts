// Links and QR codes from the staff side: a campaign link whose downloaded QR decodes to the link shown,
// revocation, and bulk links from a CSV with a preview.
import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expectNoAxeViolations } from './axe.ts';
import { signInAsStaff, openStaffPage } from './staff-session.ts';

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Draws an SVG in the page at a known size and reads the QR code back from its pixels. */
async function decodeSvg(page: Page, svg: string): Promise<string | undefined> {
	const size = 480;
	const pixels = await page.evaluate(
		async ({ svg, size }) => {
			const image = new Image();
			image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = canvas.height = size;
			const context = canvas.getContext('2d')!;
			context.fillStyle = '#fff';
			context.fillRect(0, 0, size, size);
			context.drawImage(image, 0, 0, size, size);
			return Array.from(context.getImageData(0, 0, size, size).data);
		},
		{ svg, size }
	);
	return jsQR(Uint8ClampedArray.from(pixels), size, size)?.data;
}

async function download(page: Page, buttonName: string): Promise<Buffer> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName, exact: true }).click()]);
	return readFile((await file.path())!);
}

async function createCampaignLink(page: Page, label: string) {
	await openStaffPage(page, '/staff/invitations/new?kind=campaign');
	await page.getByLabel('Presentar una queja').check();
	await page.getByLabel('Dejar una sugerencia').check();
	await page.getByLabel('Etiqueta').fill(label);
	await page.getByRole('button', { name: 'Crear enlace' }).click();
	await expect(page).toHaveURL(/\/staff\/invitations\/[0-9a-f-]{36}$/);
}

test('a campaign link is shown once, and its QR code downloads decode to exactly that link', async ({ page, baseURL }) => {
	// Several round trips, an accessibility scan and QR decoding: slow when the whole suite shares two cores.
	test.setTimeout(90_000);
	const label = unique('Póster mostrador');
	await signInAsStaff(page, 'quality@demo.local');
	await expect(page).toHaveURL(/\/staff$/);
	await createCampaignLink(page, label);

	const link = await page.getByTestId('issued-link').inputValue();
	expect(link).toMatch(new RegExp(`^${baseURL}/f/[A-Za-z0-9_-]{22}$`));
	await expect(page.getByRole('link', { name: 'Enviar por WhatsApp' })).toHaveAttribute(
		'href',
		new RegExp(`^https://wa\\.me/\\?text=.*${encodeURIComponent(link).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
	);
	await expect(page.getByRole('link', { name: 'Enviar por correo' })).toHaveAttribute('href', /^mailto:\?subject=/);
	await expectNoAxeViolations(page);

	const svg = (await download(page, 'Descargar QR (SVG)')).toString('utf8');
	expect(svg).toMatch(/^<svg/);
	expect(svg).not.toContain(link); // the file holds the code, not the link as text
	expect(await decodeSvg(page, svg)).toBe(link);

	const png = PNG.sync.read(await download(page, 'Descargar QR (PNG)'));
	expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link);

	// The poster opens in a new tab with the same code.
	const [poster] = await Promise.all([
		page.context().waitForEvent('page'),
		page.getByRole('button', { name: 'Póster A4 para imprimir' }).click()
	]);
	await expect(poster.getByTestId('qr-poster')).toContainText(link);
	await expect(poster.getByTestId('qr-poster')).toContainText('¿Qué tal lo hemos hecho?');
	await expect(poster.getByTestId('qr-poster')).toContainText('How did we do?');
	await poster.close();

	// A second visit shows the status, never the link again.
	await page.reload();
	await expect(page.getByTestId('issued-link')).toHaveCount(0);
	await expect(page.getByTestId('invitation-status')).toHaveText('Activo');
	await expect(page.getByRole('button', { name: 'Generar un enlace nuevo' })).toBeVisible();
});

test('revoking a link turns it off for the client', async ({ page }) => {
	// Several round trips, an accessibility scan and QR decoding: slow when the whole suite shares two cores.
	test.setTimeout(90_000);
	await signInAsStaff(page, 'agent@demo.local');
	await expect(page).toHaveURL(/\/staff$/);
	await createCampaignLink(page, unique('Albarán'));
	const link = await page.getByTestId('issued-link').inputValue();

	// Irreversible, so it is asked first, saying what it does.
	await page.getByRole('link', { name: 'Revocar el enlace' }).click();
	await expect(page.getByRole('heading', { name: '¿Revocar este enlace?' })).toBeVisible();
	await page.getByRole('button', { name: 'Sí, revocar el enlace' }).click();
	await expect(page.getByText('Enlace revocado.')).toBeVisible();
	await expect(page.getByTestId('invitation-status')).toHaveText('Revocado');
	await expect(page.getByRole('link', { name: 'Revocar el enlace' })).toHaveCount(0);

	await page.goto(link);
	await expect(page.getByText('Este enlace ya no está activo')).toBeVisible();
});

test('bulk links from a CSV: the preview shows unmatched rows, and only matched rows get a link', async ({ page }) => {
	// Several round trips, an accessibility scan and QR decoding: slow when the whole suite shares two cores.
	test.setTimeout(90_000);
	const nobody = unique('Cliente Inexistente');
	await signInAsStaff(page, 'manager@demo.local');
	await expect(page).toHaveURL(/\/staff$/);
	await openStaffPage(page, '/staff/invitations/bulk');
	await page
		.getByLabel('Filas CSV')
		.fill(['NIF;Contrato;Caduca', 'B46123457;;31/12/2030', 'clinica san rafael s.l.p.', `${nobody};;`, 'A39234561;;30/02/2030'].join('\n'));
	await page.getByLabel('Presentar una queja').check();
	await page.getByRole('button', { name: 'Ver la vista previa' }).click();

	const preview = page.getByTestId('bulk-preview');
	await expect(preview).toContainText('Filas reconocidas: 2');
	await expect(preview).toContainText('Filas sin reconocer: 2');
	await expect(preview.locator('tr[data-matched="false"]').filter({ hasText: nobody })).toContainText('Cliente no encontrado');
	await expect(preview.locator('tr[data-matched="false"]').filter({ hasText: 'A39234561' })).toContainText('Fecha no válida');
	await expect(preview.locator('tr[data-matched="true"]').first()).toContainText('Transportes Ruiz e Hijos S.L.');

	await page.getByRole('button', { name: 'Crear 2 enlaces' }).click();
	const sheet = page.getByTestId('qr-sheet');
	await expect(sheet.getByRole('listitem')).toHaveCount(2);
	await expect(sheet).toContainText('Transportes Ruiz e Hijos S.L.');
	await expect(sheet).toContainText('Clínica San Rafael S.L.P.');
	await expect(sheet).not.toContainText(nobody);
	// Each card's own download decodes to the link printed on that card.
	const firstLink = (await sheet.locator('.link').first().textContent())!.trim();
	const cardSvg = (await download(page, 'Descargar QR (SVG): Transportes Ruiz e Hijos S.L.')).toString('utf8');
	expect(await decodeSvg(page, cardSvg)).toBe(firstLink);
	await expect(page.getByText('Enlaces creados: 2.')).toBeVisible();
});
