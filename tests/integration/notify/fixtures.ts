// The notification tests' helpers: the stack's real mail catcher (read over its HTTP API), a real
// graphile-worker started in this process, and waiting for what they do.
import { randomUUID } from 'node:crypto';
import type { CaughtMail } from '../../../supabase/local/mail-catcher.ts';
import { startNotifyWorker, type NotifyWorker } from '../../../src/lib/server/notify/worker.ts';
import { app, createInvitation, newSubmissionToken, sql, testAddress, validItem } from '../feedback/fixtures.ts';

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run through \`npm test\` or vitest's global setup`);
	return value;
}

export const SITE_URL = 'http://portal.test';

export function startWorker(smtpUrl = required('SMTP_URL')): Promise<NotifyWorker> {
	return startNotifyWorker({
		databaseUrl: required('DATABASE_URL'),
		smtpUrl,
		mailFrom: 'Portal <no-reply@portal.test>',
		siteUrl: SITE_URL,
		organisation: 'Empresa de Prueba',
		pollInterval: 200,
		schedule: false,
		log: () => {}
	});
}

export async function caughtMail(): Promise<CaughtMail[]> {
	const response = await fetch(`${required('MAIL_UI_URL')}/messages`);
	return (await response.json()) as CaughtMail[];
}

export const mailTo = async (address: string) => (await caughtMail()).filter((mail) => mail.to.includes(address));

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** A unique client address, so a test counts only its own mail. */
export const uniqueAddress = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

export async function fileComplaint(options: { email?: string | null; consent?: boolean; locale?: 'es' | 'en' } = {}) {
	const { token } = await createInvitation({ surveyId: null, offersComplaint: true });
	const trackingToken = newSubmissionToken();
	const item: Record<string, unknown> = {
		...validItem(),
		contact_email: options.email ?? undefined,
		contact_consent: options.consent ?? true
	};
	if (options.locale) item.locale = options.locale;
	const { data, error } = await app().rpc('submit_feedback_item', {
		p_token: token,
		p_submission: trackingToken,
		p_item: item,
		p_client_address: testAddress()
	});
	if (error || data.outcome !== 'ok') throw new Error(`filing failed: ${JSON.stringify(error ?? data)}`);
	const [row] = await sql<{ id: string }>("select id from public.feedback_items where submission_hash = sha256(convert_to($1, 'utf8'))", [
		trackingToken
	]);
	return { itemId: row.id, trackingToken };
}

export async function outboxRows(itemId: string) {
	return sql<{ kind: string; recipient: string; status: string; attempts: number; last_error: string | null; message_id: string }>(
		'select kind, recipient, status, attempts, last_error, message_id from private.outbox where feedback_item_id = $1 order by created_at, id',
		[itemId]
	);
}
