// Closing the loop by e-mail (desktop): a client files a complaint with consent, an agent replies, the mail the
// test stack's catcher caught links to the tracking page showing the reply, the client adds information there,
// and the agent's inbox shows the change without a reload. The app's worker (scripts/start.ts) sends the mail.
import { createServer } from 'node:http';
import { test, expect } from '@playwright/test';
import { DEMO_CAMPAIGN_PATH, sql, uniqueToken } from './feedback-db.ts';
import { openStaffPage, signInAsStaff } from './staff-session.ts';
import { expectNoAxeViolations } from './axe.ts';

interface CaughtMail {
	to: string[];
	subject: string;
	text: string;
}

async function mailTo(address: string): Promise<CaughtMail[]> {
	const response = await fetch(`${process.env.MAIL_UI_URL}/messages`);
	return ((await response.json()) as CaughtMail[]).filter((mail) => mail.to.includes(address));
}

const trackingLinkIn = (text: string) => /(http:\/\/localhost:\d+\/t\/[A-Za-z0-9_-]+)(?=\s)/.exec(text)?.[1] ?? null;

test('the client hears back by e-mail and answers on the tracking page; the agent sees it live', async ({ page, browser }) => {
	const subject = uniqueToken('Caja dañada');
	const email = `${uniqueToken('cliente')
		.toLowerCase()
		.replace(/[^a-z0-9-]/g, '')}@example.com`;

	const clientContext = await browser.newContext();
	const client = await clientContext.newPage();
	await client.goto(`${DEMO_CAMPAIGN_PATH}?as=complaint`);
	await client.getByRole('radio', { name: 'Entrega o plazos' }).check();
	await client.getByLabel('Asunto', { exact: true }).fill(subject);
	await client.getByLabel('Descripción', { exact: true }).fill('La caja llegó aplastada y falta una pieza.');
	await client.getByLabel('Correo electrónico').fill(email);
	await client.getByLabel('Acepto que me contacten sobre este asunto.').check();
	await client.getByRole('button', { name: 'Enviar queja' }).click();
	await expect(client.getByTestId('tracking-link')).toBeVisible();

	await expect
		.poll(async () => (await mailTo(email)).map((mail) => mail.subject), { timeout: 20_000 })
		.toEqual([expect.stringContaining(`hemos recibido su caso «${subject}»`)]);

	const [item] = await sql<{ id: string }>('select id from public.feedback_items where subject = $1', [subject]);
	await signInAsStaff(page, 'agent@demo.local');
	await openStaffPage(page, `/staff/inbox/${item.id}`);
	const reply = 'Le enviamos hoy una pieza de repuesto por mensajería.';
	await page.getByLabel('Respuesta al cliente (pública)').fill(reply);
	await page.getByRole('button', { name: 'Enviar al cliente' }).click();
	await expect(page.locator('[data-kind="public_reply"]')).toContainText(reply);

	await expect.poll(async () => (await mailTo(email)).length, { timeout: 20_000 }).toBe(2);
	const replyMail = (await mailTo(email)).find((mail) => mail.subject.includes('nueva respuesta'))!;
	expect(replyMail.text).toContain(reply);
	const link = trackingLinkIn(replyMail.text);
	expect(link).not.toBeNull();

	await openStaffPage(page, '/staff/inbox');
	await expect(page.locator('.live-status')).toHaveAttribute('data-state', 'live');
	await client.goto(link!);
	await expect(client.getByText(reply)).toBeVisible();
	const more = 'El número de pedido es 4711, por si les sirve.';
	await client.getByLabel('Su mensaje').fill(more);
	await client.getByRole('button', { name: 'Enviar mensaje' }).click();
	await expect(client.getByText('Gracias. Hemos añadido su mensaje a su caso.')).toBeVisible();
	await expect(client.getByText(more)).toBeVisible();
	await expectNoAxeViolations(client);

	// The agent's inbox counts the change as it happens; showing it and opening the item shows the message.
	await page.getByTestId('changed-items').click();
	await openStaffPage(page, `/staff/inbox/${item.id}`);
	await expect(page.locator('[data-kind="client_message"]')).toContainText(more);
	await clientContext.close();
});

test('staff choose how notices reach them, and an admin reads the outbox', async ({ page }) => {
	await signInAsStaff(page, 'admin@demo.local');
	await openStaffPage(page, '/staff/notifications');
	await page.getByLabel('Un resumen diario, por la mañana').check();
	await page.getByRole('button', { name: 'Guardar' }).click();
	await expect(page.getByText('Preferencia guardada.')).toBeVisible();
	await expectNoAxeViolations(page);
	const [row] = await sql<{ mode: string }>(
		"select mode from public.notification_preferences where user_id = 'a0000000-0000-4000-8000-000000000001'"
	);
	expect(row.mode).toBe('digest');
	await sql("delete from public.notification_preferences where user_id = 'a0000000-0000-4000-8000-000000000001'");

	await openStaffPage(page, '/staff/admin/outbox?status=sent');
	await expect(page.getByRole('heading', { level: 1, name: 'Correo saliente' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Enviado' }).first()).toBeVisible();
	await expectNoAxeViolations(page);
});

test('bulk links go out by e-mail, one message each, and the batch downloads as CSV', async ({ page }) => {
	const [client] = await sql<{ tax_id: string; contact_email: string }>(
		"select tax_id, contact_email from public.clients where id = 'c0000000-0000-4000-8000-000000000003'"
	);
	const before = (await mailTo(client.contact_email)).length;
	await signInAsStaff(page, 'manager@demo.local');
	await openStaffPage(page, '/staff/invitations/bulk');
	await page.getByLabel('Filas CSV').fill(client.tax_id);
	await page.getByLabel('Presentar una queja').check();
	await page.getByRole('button', { name: 'Ver la vista previa' }).click();
	await page.getByRole('button', { name: 'Crear 1 enlaces' }).click();
	await expect(page.getByTestId('qr-sheet').getByRole('listitem')).toHaveCount(1);

	const download = page.getByRole('link', { name: 'Descargar CSV (nombre, correo, enlace)' });
	const csv = decodeURIComponent((await download.getAttribute('href'))!.replace(/^data:text\/csv;charset=utf-8,/, ''));
	expect(csv).toMatch(new RegExp(`"Construcciones Guadalquivir S.L.";"${client.contact_email}";"http://localhost:\\d+/f/[A-Za-z0-9_-]+"`));

	await page.getByRole('button', { name: 'Enviar cada enlace por correo (1)' }).click();
	await expect(page.getByText('1 correo(s) en cola para enviar.', { exact: false })).toBeVisible();
	await expect.poll(async () => (await mailTo(client.contact_email)).length, { timeout: 20_000 }).toBe(before + 1);
	await page.getByRole('link', { name: 'Construcciones Guadalquivir S.L.' }).click();
	await expect(page.getByTestId('invitation-send')).toHaveAttribute('data-status', 'sent');
	await expectNoAxeViolations(page);
});

test('an admin registers a webhook, sends a test, and reads it in the delivery log', async ({ page }) => {
	const received: string[] = [];
	const server = createServer((request, response) => {
		received.push(String(request.headers['webhook-id']));
		request.resume();
		request.on('end', () => response.writeHead(204).end());
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/recibir`;
	try {
		await signInAsStaff(page, 'admin@demo.local');
		await openStaffPage(page, '/staff/admin/webhooks');
		await page.getByLabel('URL (https)').fill(url);
		await page.getByLabel('item.created').check();
		await page.getByRole('button', { name: 'Añadir destino' }).click();
		const endpoint = page.getByTestId('webhook-endpoint').filter({ hasText: url });
		await expect(endpoint).toBeVisible();
		await endpoint.getByRole('button', { name: 'Enviar prueba' }).click();
		await expect(page.getByText('Prueba en cola: aparecerá en el registro.')).toBeVisible();
		await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
		await expect
			.poll(
				async () => {
					await openStaffPage(page, '/staff/admin/webhooks');
					return page.getByTestId('webhook-delivery').filter({ hasText: received[0] }).getAttribute('data-status');
				},
				{ timeout: 20_000 }
			)
			.toBe('sent');
		await expectNoAxeViolations(page);
	} finally {
		await sql('delete from public.webhook_endpoints where url = $1', [url]);
		await new Promise((resolve) => server.close(resolve));
	}
});
