// E-mail through the outbox: the real mail catcher of the test stack, a real graphile-worker in this process,
// real Postgres. One file, run in order, because the workers it starts and stops share one queue.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startMailCatcher } from '../../../supabase/local/mail-catcher.ts';
import type { NotifyWorker } from '../../../src/lib/server/notify/worker.ts';
import { anon, createInvitation, newSubmissionToken, signedIn, sql } from '../feedback/fixtures.ts';
import { superuser } from '../env.ts';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { verifyWebhook } from '../../../src/lib/server/notify/webhooks.ts';
import { demoStaff, signIn } from '../actors.ts';
import { insertItem } from '../triage/fixtures.ts';
import { SITE_URL, fileComplaint, mailTo, outboxRows, startWorker, uniqueAddress, waitFor } from './fixtures.ts';

let worker: NotifyWorker | null = null;

beforeAll(async () => {
	worker = await startWorker();
});

afterAll(async () => {
	await worker?.stop();
	await sql('update private.notification_settings set max_attempts = 8 where id = 1');
	await sql('delete from public.notification_preferences where user_id = $1', [demoStaff.agent.id]);
});

const trackingTokenIn = (text: string) => {
	const match = new RegExp(`${SITE_URL.replace(/\./g, '\\.')}/t/([A-Za-z0-9_-]+)`).exec(text);
	return match ? decodeURIComponent(match[1]) : null;
};

describe('client mail', () => {
	it('a complaint with an e-mail and consent gets exactly one mail, whose tracking link works', async () => {
		const email = uniqueAddress('filed');
		const { itemId, trackingToken } = await fileComplaint({ email });
		const [mail] = await waitFor('the filing mail', async () => ((await mailTo(email)).length ? mailTo(email) : null));
		expect(mail.subject).toBe('Empresa de Prueba: hemos recibido su caso «Entrega incompleta»');
		expect(mail.text).toContain('Estimado/a cliente');
		const linked = trackingTokenIn(mail.text);
		expect(linked).toBe(trackingToken);
		const { data } = await anon().rpc('get_tracking', { p_tracking_token: linked! });
		expect(data.outcome).toBe('ok');
		expect(data.item.subject).toBe('Entrega incompleta');
		expect(mail.html).toContain(`${SITE_URL}/t/${trackingToken}`);
		expect(mail.headers['list-unsubscribe']).toBe(`<${SITE_URL}/t/${trackingToken}/unsubscribe>`);
		// Still one a moment later, and the row says sent.
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect(await mailTo(email)).toHaveLength(1);
		const rows = await outboxRows(itemId);
		expect(rows.filter((row) => row.kind.startsWith('client_'))).toEqual([
			expect.objectContaining({ kind: 'client_filed', recipient: email, status: 'sent', attempts: 1 })
		]);
		expect(mail.messageId).toBe(rows.find((row) => row.kind === 'client_filed')!.message_id);
	});

	it('writes in English to a client who used English', async () => {
		const email = uniqueAddress('english');
		await fileComplaint({ email, locale: 'en' });
		const [mail] = await waitFor('the filing mail', async () => ((await mailTo(email)).length ? mailTo(email) : null));
		expect(mail.subject).toBe('Empresa de Prueba: we have received your case "Entrega incompleta"');
		expect(mail.text).toContain('Dear customer');
	});

	it('mails each public reply to a client who consented, and nobody for one who did not', async () => {
		const email = uniqueAddress('reply');
		const silent = uniqueAddress('noconsent');
		const consented = await fileComplaint({ email });
		const refused = await fileComplaint({ email: silent, consent: false });
		const agent = await signedIn('agent');
		for (const item of [consented, refused]) {
			await sql('update public.feedback_items set assignee_id = $2 where id = $1', [item.itemId, demoStaff.agent.id]);
			const [{ version }] = await sql<{ version: number }>('select version from public.feedback_items where id = $1', [item.itemId]);
			const { error } = await agent.rpc('add_feedback_message', {
				p_item_id: item.itemId,
				p_body: 'Le enviamos las dos cajas mañana.',
				p_is_public: true,
				p_expected_version: version
			});
			expect(error).toBeNull();
		}
		const mails = await waitFor('the reply mail', async () => ((await mailTo(email)).length >= 2 ? mailTo(email) : null));
		const reply = mails.find((mail) => mail.subject.includes('nueva respuesta'))!;
		expect(reply.text).toContain('> Le enviamos las dos cajas mañana.');
		expect(trackingTokenIn(reply.text)).toBe(consented.trackingToken);
		// The refusing client's item has no client mail at all, queued or sent.
		expect((await outboxRows(refused.itemId)).filter((row) => row.kind.startsWith('client_'))).toEqual([]);
		expect(await mailTo(silent)).toEqual([]);
	});

	it('one-click unsubscribe stops further client mail', async () => {
		const email = uniqueAddress('unsub');
		const { itemId, trackingToken } = await fileComplaint({ email });
		await waitFor('the filing mail', async () => (await mailTo(email)).length === 1);
		const { data } = await anon().rpc('unsubscribe_tracking', { p_tracking_token: trackingToken });
		expect(data).toBe(true);
		await sql("insert into public.feedback_messages (feedback_item_id, body, is_public, author_id) values ($1, 'Respuesta', true, $2)", [
			itemId,
			demoStaff.agent.id
		]);
		expect((await outboxRows(itemId)).filter((row) => row.kind === 'client_reply')).toEqual([]);
	});

	it('mails the resolution with one-tap answers that only preselect the choice', async () => {
		const email = uniqueAddress('resolved');
		const { itemId, trackingToken } = await fileComplaint({ email });
		await sql("update public.feedback_items set status = 'triaged' where id = $1", [itemId]);
		await sql("update public.feedback_items set status = 'in_progress' where id = $1", [itemId]);
		await sql("update public.feedback_items set status = 'resolved', resolution_text = 'Repusimos las dos cajas.' where id = $1", [itemId]);
		const mails = await waitFor('the resolution mail', async () => ((await mailTo(email)).length >= 2 ? mailTo(email) : null));
		const resolved = mails.find((mail) => mail.subject.includes('está resuelto'))!;
		expect(resolved.text).toContain('> Repusimos las dos cajas.');
		expect(resolved.text).toContain(`${SITE_URL}/t/${trackingToken}?satisfied=yes#satisfaction`);
		expect(resolved.text).toContain(`${SITE_URL}/t/${trackingToken}?satisfied=no#satisfaction`);
	});
});

describe('staff mail and preferences', () => {
	it('a client message mails the assignee; "off" sends nothing, "digest" holds it for one daily digest', async () => {
		const { itemId, trackingToken } = await fileComplaint({ email: uniqueAddress('staff') });
		await sql('update public.feedback_items set assignee_id = $2 where id = $1', [itemId, demoStaff.agent.id]);
		const message = (body: string) =>
			anon().rpc('add_client_message', { p_tracking_token: trackingToken, p_body: body, p_client_address: null });
		expect((await message('Añado el número de albarán: 4711.')).data.outcome).toBe('ok');
		const staffRows = async () => (await outboxRows(itemId)).filter((row) => row.kind === 'staff_client_message');
		await waitFor('the sent staff mail', async () => (await staffRows())[0]?.status === 'sent');
		expect((await staffRows()).map((row) => row.recipient)).toEqual([demoStaff.agent.email]);
		// On the tracking page it is the client's own message, beside the staff's public replies.
		const { data: tracking } = await anon().rpc('get_tracking', { p_tracking_token: trackingToken });
		expect(tracking.replies).toEqual([{ body: 'Añado el número de albarán: 4711.', sentAt: expect.any(String), fromClient: true }]);
		expect(tracking.item.canAddMessage).toBe(true);
		const [event] = await sql(
			"select kind, actor_id from public.feedback_item_events where feedback_item_id = $1 and kind = 'client_message'",
			[itemId]
		);
		expect(event).toEqual({ kind: 'client_message', actor_id: null });

		const agent = await signedIn('agent');
		expect((await agent.from('notification_preferences').upsert({ user_id: demoStaff.agent.id, mode: 'off' })).error).toBeNull();
		expect((await message('Otro dato.')).data.outcome).toBe('ok');
		expect(await staffRows()).toHaveLength(1);

		expect((await agent.from('notification_preferences').update({ mode: 'digest' }).eq('user_id', demoStaff.agent.id)).error).toBeNull();
		expect((await message('Y un tercero.')).data.outcome).toBe('ok');
		expect((await staffRows()).map((row) => row.status)).toEqual(['sent', 'held']);
		await sql('select private.enqueue_digests()');
		expect((await staffRows()).map((row) => row.status)).toEqual(['sent', 'digested']);
		const [digest] = await sql<{ payload: { entries: { kind: string; itemId: string }[] } }>(
			"select payload from private.outbox where kind = 'staff_digest' and recipient = $1 order by created_at desc limit 1",
			[demoStaff.agent.email]
		);
		expect(digest.payload.entries).toContainEqual(expect.objectContaining({ notice: 'staff_client_message', itemId }));
		await sql('delete from public.notification_preferences where user_id = $1', [demoStaff.agent.id]);
	});

	it('a new item goes to the triage group when unassigned; an assignment to the assignee, not to whoever took it', async () => {
		const itemId = await insertItem({ clientId: null, category: 'other' });
		const staffKinds = async () =>
			(await outboxRows(itemId)).filter((row) => row.kind.startsWith('staff_')).map((row) => `${row.kind} ${row.recipient}`);
		const triageGroup = await sql<{ email: string }>(
			"select email from public.staff_members where active and role in ('agent', 'manager') order by email"
		);
		expect((await staffKinds()).sort()).toEqual(triageGroup.map((staff) => `staff_new_item ${staff.email}`).sort());

		const admin = await signedIn('admin');
		expect((await admin.from('feedback_items').update({ assignee_id: demoStaff.agent.id }).eq('id', itemId)).error).toBeNull();
		expect((await staffKinds()).filter((kind) => kind.startsWith('staff_assigned'))).toEqual([`staff_assigned ${demoStaff.agent.email}`]);
		const manager = await signedIn('manager');
		expect((await manager.from('feedback_items').update({ assignee_id: demoStaff.manager.id }).eq('id', itemId)).error).toBeNull();
		expect((await staffKinds()).filter((kind) => kind.startsWith('staff_assigned'))).toEqual([`staff_assigned ${demoStaff.agent.email}`]);
	});

	it('"not resolved" on the tracking page mails the assignee', async () => {
		const { itemId, trackingToken } = await fileComplaint({ email: uniqueAddress('notresolved') });
		await sql('update public.feedback_items set assignee_id = $2 where id = $1', [itemId, demoStaff.agent.id]);
		await sql("update public.feedback_items set status = 'triaged' where id = $1", [itemId]);
		await sql("update public.feedback_items set status = 'in_progress' where id = $1", [itemId]);
		await sql("update public.feedback_items set status = 'resolved', resolution_text = 'Hecho.' where id = $1", [itemId]);
		const { data } = await anon().rpc('submit_resolution_feedback', {
			p_tracking_token: trackingToken,
			p_submission: newSubmissionToken(),
			p_satisfied: false,
			p_client_address: null
		});
		expect(data.outcome).toBe('ok');
		expect((await outboxRows(itemId)).filter((row) => row.kind === 'staff_not_resolved').map((row) => row.recipient)).toEqual([
			demoStaff.agent.email
		]);
		const [item] = await sql<{ status: string; reopen_count: number }>(
			'select status, reopen_count from public.feedback_items where id = $1',
			[itemId]
		);
		expect(item).toEqual({ status: 'in_progress', reopen_count: 1 });
	});

	it('a message on a closed item is refused', async () => {
		const { itemId, trackingToken } = await fileComplaint({});
		await sql("update public.feedback_items set status = 'rejected', rejection_reason = 'No procede.' where id = $1", [itemId]);
		const { data } = await anon().rpc('add_client_message', { p_tracking_token: trackingToken, p_body: 'Hola', p_client_address: null });
		expect(data.outcome).toBe('closed');
	});

	it('deadline warnings and breaches fire at the right time with a fixed clock, once each, up the ladder', async () => {
		// Filed now: the deadline cache holds when the first clock becomes due soon and when it falls due.
		const itemId = await insertItem({ priority: 'urgent', assigneeId: demoStaff.agent.id, clientId: null });
		const [item] = await sql<{ due_soon: Date; due: Date }>(
			'select sla_due_soon_at as due_soon, sla_next_due_at as due from public.feedback_items where id = $1',
			[itemId]
		);
		expect(item.due_soon.getTime()).toBeLessThan(item.due.getTime());
		const notices = async () =>
			(await outboxRows(itemId)).filter((row) => row.kind.startsWith('staff_deadline')).map((row) => `${row.kind} ${row.recipient}`);
		const at = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000).toISOString();

		await sql('select private.enqueue_deadline_notices($1)', [at(item.due_soon, -1)]);
		expect(await notices()).toEqual([]);
		await sql('select private.enqueue_deadline_notices($1)', [at(item.due_soon, 1)]);
		await sql('select private.enqueue_deadline_notices($1)', [at(item.due_soon, 2)]);
		expect(await notices()).toEqual([`staff_deadline_warning ${demoStaff.agent.email}`]);
		await sql('select private.enqueue_deadline_notices($1)', [at(item.due, 1)]);
		await sql('select private.enqueue_deadline_notices($1)', [at(item.due, 5)]);
		expect((await notices()).sort()).toEqual(
			[
				`staff_deadline_warning ${demoStaff.agent.email}`,
				`staff_deadline_breached ${demoStaff.agent.email}`,
				`staff_deadline_breached ${demoStaff.manager.email}`
			].sort()
		);
	});
});

describe('the outbox for admins', () => {
	it('admins list it; other staff and anon cannot, and no API role holds a privilege on it', async () => {
		const admin = await signedIn('admin');
		const { data, error } = await admin.rpc('outbox_messages', { p_status: 'sent', p_limit: 5 });
		expect(error).toBeNull();
		expect(data.length).toBeGreaterThan(0);
		const agent = await signedIn('agent');
		expect((await agent.rpc('outbox_messages', { p_status: null, p_limit: 5 })).error?.code).toBe('42501');
		expect((await agent.rpc('retry_outbox_message', { p_id: '00000000-0000-4000-8000-000000000000' })).error?.code).toBe('42501');
		expect((await anon().rpc('outbox_messages', { p_status: null, p_limit: 5 })).error).not.toBeNull();
		const grants = await sql(
			`select grantee, table_name from information_schema.role_table_grants
			where (table_schema = 'graphile_worker' or (table_schema = 'private' and table_name in ('outbox', 'client_links', 'deadline_notices', 'notification_settings')))
				and grantee in ('anon', 'authenticated', 'service_role', 'PUBLIC')`
		);
		expect(grants).toEqual([]);
	});

	it('staff read and write only their own notification preference; anon nothing', async () => {
		await sql('delete from public.notification_preferences');
		const manager = await signedIn('manager');
		expect((await manager.from('notification_preferences').upsert({ user_id: demoStaff.manager.id, mode: 'digest' })).error).toBeNull();
		const agent = await signedIn('agent');
		expect((await agent.from('notification_preferences').select('user_id')).data).toEqual([]);
		const stolen = await agent.from('notification_preferences').upsert({ user_id: demoStaff.manager.id, mode: 'off' });
		expect(stolen.error).not.toBeNull();
		expect(
			(await agent.from('notification_preferences').update({ mode: 'off' }).eq('user_id', demoStaff.manager.id).select()).data
		).toEqual([]);
		expect((await anon().from('notification_preferences').select('user_id')).error).not.toBeNull();
		expect((await manager.from('notification_preferences').select('mode')).data).toEqual([{ mode: 'digest' }]);
		await sql('delete from public.notification_preferences where user_id = $1', [demoStaff.manager.id]);
	});
});

describe('personal links sent by e-mail', () => {
	const sendsOf = (invitationId: string) =>
		sql<{ recipient: string | null; status: string; last_error: string | null }>(
			'select recipient, status, last_error from public.invitation_sends where invitation_id = $1',
			[invitationId]
		);

	it("mails one message per link to the client's contact, records the send, and refuses a token that does not match", async () => {
		const email = uniqueAddress('invite');
		const [client] = await sql<{ id: string }>(
			"insert into public.clients (name, tax_id, contact_name, contact_email) values ($1, $2, 'Ana Prueba', $3) returning id",
			[`Cliente ${randomUUID()}`, `T${randomUUID().slice(0, 12)}`, email]
		);
		const [noEmail] = await sql<{ id: string }>('insert into public.clients (name, tax_id) values ($1, $2) returning id', [
			`Sin correo ${randomUUID()}`,
			`T${randomUUID().slice(0, 12)}`
		]);
		const first = await createInvitation({ kind: 'personal', clientId: client.id });
		const second = await createInvitation({ kind: 'personal', clientId: noEmail.id });
		const agent = await signedIn('agent');
		const { data, error } = await agent.rpc('send_invitation_links', { p_links: [first, second] });
		expect(error).toBeNull();
		expect(data).toEqual([
			{ invitationId: first.id, recipient: email, status: 'pending' },
			{ invitationId: second.id, recipient: null, status: 'failed' }
		]);
		const [mail] = await waitFor('the invitation mail', async () => ((await mailTo(email)).length ? mailTo(email) : null));
		expect(mail.subject).toBe('Empresa de Prueba quiere conocer su opinión');
		expect(mail.text).toContain('Estimado/a Ana Prueba:');
		expect(mail.text).toContain(`${SITE_URL}/f/${first.token}`);
		await waitFor('the recorded send', async () => (await sendsOf(first.id))[0]?.status === 'sent');
		expect(await sendsOf(second.id)).toEqual([{ recipient: null, status: 'failed', last_error: 'the client has no contact e-mail' }]);

		const forged = await agent.rpc('send_invitation_links', { p_links: [{ id: first.id, token: 'not-the-token' }] });
		expect(forged.error?.code).toBe('22023');
		expect((await anon().rpc('send_invitation_links', { p_links: [first] })).error).not.toBeNull();
		expect(await mailTo(email)).toHaveLength(1);
	});

	it('staff read the sends of links they can read; anon nothing', async () => {
		const { id } = await createInvitation({ kind: 'personal' });
		await sql("insert into public.invitation_sends (invitation_id, recipient, status) values ($1, 'x@example.com', 'sent')", [id]);
		const agent = await signedIn('agent');
		expect((await agent.from('invitation_sends').select('status').eq('invitation_id', id)).data).toEqual([{ status: 'sent' }]);
		// Client 1 is account@demo.local's, not account2@demo.local's.
		const other = await signedIn('account');
		expect((await other.from('invitation_sends').select('status').eq('invitation_id', id)).data).toEqual([{ status: 'sent' }]);
		const stranger = await signIn(demoStaff.otherAccountManager.email);
		expect((await stranger.from('invitation_sends').select('status').eq('invitation_id', id)).data).toEqual([]);
		expect((await agent.from('invitation_sends').insert({ invitation_id: id, status: 'sent' })).error).not.toBeNull();
		expect((await anon().from('invitation_sends').select('status')).error).not.toBeNull();
	});
});

describe('webhooks', () => {
	interface Received {
		headers: IncomingHttpHeaders;
		body: string;
	}

	/** A receiver on loopback that answers the given statuses in turn (then 200) and keeps what it got. */
	async function receiver(statuses: number[]) {
		const received: Received[] = [];
		const server = createServer((request, response) => {
			let body = '';
			request.on('data', (chunk) => (body += chunk));
			request.on('end', () => {
				received.push({ headers: request.headers, body });
				response.writeHead(statuses.shift() ?? 200).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as { port: number }).port;
		return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(resolve)) };
	}

	const verified = (secret: string, got: Received) =>
		verifyWebhook(
			secret,
			{
				id: String(got.headers['webhook-id']),
				timestamp: String(got.headers['webhook-timestamp']),
				signature: String(got.headers['webhook-signature'])
			},
			got.body
		);

	it('signs each delivery, and a failing endpoint is retried with the same delivery id until it answers', async () => {
		const hook = await receiver([500]);
		const admin = await signedIn('admin');
		try {
			const { data: endpoint, error } = await admin
				.from('webhook_endpoints')
				.insert({ url: hook.url, events: ['item.created'], description: 'prueba' })
				.select('id, secret')
				.single();
			expect(error).toBeNull();
			const { itemId } = await fileComplaint({ email: uniqueAddress('hook') });
			const [delivery] = await waitFor(
				'the delivered webhook',
				async () => {
					const rows = await sql<{ id: string; status: string; attempts: number; last_status_code: number }>(
						'select id, status, attempts, last_status_code from public.webhook_deliveries where endpoint_id = $1',
						[endpoint!.id]
					);
					return rows[0]?.status === 'sent' ? rows : null;
				},
				20_000
			);
			expect(delivery).toMatchObject({ attempts: 2, last_status_code: 200 });
			expect(hook.received).toHaveLength(2);
			for (const got of hook.received) {
				expect(got.headers['webhook-id']).toBe(delivery.id);
				expect(verified(endpoint!.secret, got)).toBe(true);
				expect(JSON.parse(got.body)).toMatchObject({ id: delivery.id, event: 'item.created', data: { itemId, kind: 'complaint' } });
			}
			// A body changed on the way, or another secret, does not verify.
			expect(verified(endpoint!.secret, { ...hook.received[0], body: hook.received[0].body.replace('complaint', 'suggestion') })).toBe(
				false
			);
			expect(verified('0'.repeat(64), hook.received[0])).toBe(false);

			// The admin's test button sends one 'test' delivery to that endpoint.
			const { data: testId, error: testError } = await admin.rpc('send_test_webhook', { p_endpoint_id: endpoint!.id });
			expect(testError).toBeNull();
			await waitFor('the test delivery', async () => hook.received.some((got) => got.headers['webhook-id'] === testId));
			const test = hook.received.find((got) => got.headers['webhook-id'] === testId)!;
			expect(JSON.parse(test.body).event).toBe('test');
			expect(verified(endpoint!.secret, test)).toBe(true);
		} finally {
			await sql('delete from public.webhook_endpoints where url = $1', [hook.url]);
			await hook.close();
		}
	}, 30_000);

	it('a quarter frozen below its target sends indicator.not_met, and nothing when met', async () => {
		const db = await superuser();
		try {
			// Inside a transaction rolled back at the end: the snapshot and endpoint never reach other tests.
			await db.query('begin');
			const {
				rows: [endpoint]
			} = await db.query(
				"insert into public.webhook_endpoints (url, events) values ('https://hooks.example.org/ind', '{indicator.not_met}') returning id"
			);
			await db.query(
				`insert into public.indicator_snapshots (quarter, indicator, successes, n, value_percent, target_percent, status)
				values ('2001-01-01', 'sc', 40, 100, 40.0, 80.00, 'not_met'), ('2001-01-01', 'cct', 95, 100, 95.0, 80.00, 'met')`
			);
			const { rows } = await db.query('select event, payload from public.webhook_deliveries where endpoint_id = $1', [endpoint.id]);
			expect(rows).toEqual([
				{
					event: 'indicator.not_met',
					payload: expect.objectContaining({ data: expect.objectContaining({ indicator: 'sc', quarter: '2001-01-01', targetPercent: 80 }) })
				}
			]);
		} finally {
			await db.query('rollback');
			await db.end();
		}
	});

	it('only admins see or manage endpoints and deliveries; plain http only to this machine', async () => {
		const admin = await signedIn('admin');
		const { data: endpoint } = await admin
			.from('webhook_endpoints')
			.insert({ url: 'https://hooks.example.org/feedback', events: ['response.received'] })
			.select('id')
			.single();
		try {
			expect(endpoint).not.toBeNull();
			for (const who of ['manager', 'agent', 'quality'] as const) {
				const staff = await signedIn(who);
				expect((await staff.from('webhook_endpoints').select('id')).data).toEqual([]);
				expect((await staff.from('webhook_deliveries').select('id')).data).toEqual([]);
				expect(
					(await staff.from('webhook_endpoints').insert({ url: 'https://evil.example.org', events: ['item.created'] })).error
				).not.toBeNull();
				expect((await staff.rpc('send_test_webhook', { p_endpoint_id: endpoint!.id })).error?.code).toBe('42501');
			}
			expect((await anon().from('webhook_endpoints').select('id')).error).not.toBeNull();
			const plain = await admin.from('webhook_endpoints').insert({ url: 'http://hooks.example.org/feedback', events: ['item.created'] });
			expect(plain.error?.code).toBe('23514');
			expect(
				(await admin.from('webhook_deliveries').insert({ endpoint_id: endpoint!.id, event: 'test', payload: {} })).error
			).not.toBeNull();
		} finally {
			await sql('delete from public.webhook_endpoints where id = $1', [endpoint!.id]);
		}
	});
});

describe('delivery under faults', () => {
	it('a failing SMTP server is retried, then the row is kept as failed (and an admin can retry it)', async () => {
		await worker?.stop();
		worker = null;
		const refusing = await startMailCatcher({ refuseWith: 'mailbox unavailable (test)' });
		await sql('update private.notification_settings set max_attempts = 2 where id = 1');
		const failing = await startWorker(refusing.smtpUrl);
		let itemId: string;
		const email = uniqueAddress('failing');
		try {
			({ itemId } = await fileComplaint({ email }));
			const failed = await waitFor(
				'the failed row',
				async () => (await outboxRows(itemId)).find((row) => row.kind === 'client_filed' && row.status === 'failed'),
				20_000
			);
			expect(failed).toMatchObject({ attempts: 2, recipient: email });
			expect(failed.last_error).toContain('mailbox unavailable (test)');
		} finally {
			await failing.stop();
			await refusing.stop();
			await sql('update private.notification_settings set max_attempts = 8 where id = 1');
		}
		const admin = await signedIn('admin');
		const { data: listed } = await admin.rpc('outbox_messages', { p_status: 'failed', p_limit: 500 });
		const row = (listed as { id: string; recipient: string }[]).find((entry) => entry.recipient === email)!;
		expect(row).toBeDefined();
		worker = await startWorker();
		expect((await admin.rpc('retry_outbox_message', { p_id: row.id })).data).toBe(true);
		await waitFor('the retried mail', async () => (await mailTo(email)).length === 1);
	}, 40_000);

	it('a worker restarted mid-queue sends each message exactly once (by Message-ID)', async () => {
		const recipients = Array.from({ length: 24 }, (_, i) => uniqueAddress(`restart${i}`));
		await worker?.stop();
		worker = null;
		await sql(
			`select private.enqueue_mail('staff_assigned', recipient, 'es', '{"subject": "Reinicio", "itemId": "x"}'::jsonb, null)
			from unnest($1::text[]) as recipient`,
			[recipients]
		);
		const delivered = async () => {
			const mails = (await (await fetch(`${process.env.MAIL_UI_URL}/messages`)).json()) as { to: string[]; messageId: string }[];
			return mails.filter((mail) => mail.to.some((to) => recipients.includes(to)));
		};
		worker = await startWorker();
		await waitFor('a few deliveries', async () => (await delivered()).length >= 3);
		await worker.stop();
		worker = await startWorker();
		await waitFor('every delivery', async () => (await delivered()).length >= recipients.length, 20_000);
		await new Promise((resolve) => setTimeout(resolve, 500));
		const mails = await delivered();
		const ids = mails.map((mail) => mail.messageId);
		expect(new Set(ids).size).toBe(recipients.length);
		expect(ids).toHaveLength(recipients.length);
		const rows = await sql<{ message_id: string; status: string }>(
			'select message_id, status from private.outbox where recipient = any ($1)',
			[recipients]
		);
		expect(rows.every((row) => row.status === 'sent')).toBe(true);
		expect(new Set(rows.map((row) => row.message_id))).toEqual(new Set(ids));
	}, 40_000);
});
