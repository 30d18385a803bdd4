// The outbox's mail templates: the language, the links, usted to clients, escaped HTML, the unsubscribe link.
import { describe, it, expect } from 'vitest';
import { renderMail, type OutboxRow } from '../../src/lib/server/notify/templates.ts';
import { signWebhook, verifyWebhook, webhookHeaders } from '../../src/lib/server/notify/webhooks.ts';

const context = { siteUrl: 'https://portal.example.org', organisation: 'Transportes Ruiz' };
const row = (kind: string, payload: Record<string, unknown>, locale: 'es' | 'en' = 'es'): OutboxRow => ({
	id: '00000000-0000-4000-8000-000000000001',
	kind,
	recipient: 'cliente@example.com',
	locale,
	payload,
	message_id: '<x@y>'
});

describe('mail templates', () => {
	it('a reply to a client: usted, the reply quoted, the tracking and unsubscribe links, HTML escaped', () => {
		const mail = renderMail(
			row('client_reply', { subject: 'Caja <rota>', reply: 'Le enviamos <b>otra</b>.', trackingToken: 'abc_DEF-1' }),
			context
		);
		expect(mail.subject).toBe('Transportes Ruiz: nueva respuesta sobre «Caja <rota>»');
		expect(mail.text).toContain('Estimado/a cliente:');
		expect(mail.text).toContain('> Le enviamos <b>otra</b>.');
		expect(mail.text).toContain('Puede contestarnos');
		expect(mail.text).toContain('https://portal.example.org/t/abc_DEF-1');
		expect(mail.unsubscribeUrl).toBe('https://portal.example.org/t/abc_DEF-1/unsubscribe');
		expect(mail.html).toContain('Le enviamos &lt;b&gt;otra&lt;/b&gt;.');
		expect(mail.html).not.toContain('<b>otra</b>');
		expect(mail.html).toContain('lang="es"');
	});

	it('writes English to a client who used English, and Spanish to staff whatever the row says', () => {
		expect(renderMail(row('client_filed', { subject: 'Box', kind: 'complaint', trackingToken: 't' }, 'en'), context).subject).toBe(
			'Transportes Ruiz: we have received your case "Box"'
		);
		const staff = renderMail(row('staff_new_item', { subject: 'Caja', itemId: 'i1', description: 'Falta una' }, 'en'), context);
		expect(staff.subject).toBe('Nuevo caso: Caja');
		expect(staff.text).toContain('https://portal.example.org/staff/inbox/i1');
		expect(staff.unsubscribeUrl).toBeUndefined();
	});

	it('the resolution mail links to answers that the page only preselects', () => {
		const mail = renderMail(row('client_resolved', { subject: 'Caja', resolution: 'Repuesta.', trackingToken: 'tok' }), context);
		expect(mail.text).toContain('https://portal.example.org/t/tok?satisfied=yes#satisfaction');
		expect(mail.text).toContain('https://portal.example.org/t/tok?satisfied=no#satisfaction');
	});
});

describe('webhook signatures', () => {
	it('verify with the same secret and body within the tolerance, and not otherwise', () => {
		const now = Date.UTC(2026, 11, 2, 10, 0, 0);
		const headers = webhookHeaders('s'.repeat(64), 'delivery-1', '{"a":1}', now);
		const given = { id: headers['webhook-id'], timestamp: headers['webhook-timestamp'], signature: headers['webhook-signature'] };
		expect(given.signature).toBe(signWebhook('s'.repeat(64), 'delivery-1', now / 1000, '{"a":1}'));
		expect(verifyWebhook('s'.repeat(64), given, '{"a":1}', now)).toBe(true);
		expect(verifyWebhook('s'.repeat(64), given, '{"a":2}', now)).toBe(false);
		expect(verifyWebhook('t'.repeat(64), given, '{"a":1}', now)).toBe(false);
		expect(verifyWebhook('s'.repeat(64), given, '{"a":1}', now + 301_000)).toBe(false);
	});
});
