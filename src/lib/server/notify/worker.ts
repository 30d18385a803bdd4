// The outbox worker: graphile-worker jobs on the same Postgres (DATABASE_URL), mail over SMTP with nodemailer.
//   deliver_outbox   one outbox row: render, send with the row's fixed Message-ID, mark sent. A failure throws,
//                    so graphile-worker retries it with exponential backoff; on the last attempt the row is
//                    kept as 'failed' with its error (admins see it at /staff/admin/outbox).
//   deliver_webhook  one webhook delivery: POST, signed (webhooks.ts); a non-2xx answer is retried the same way.
//   sweep_outbox     queues pending rows that have no job (written before the queue's schema existed); at
//                    start and every minute.
//   deadline_notices every minute: deadline warnings and breaches (private.enqueue_deadline_notices).
//   daily_digest     08:00 every day: one digest per person who asked for it.
//   compact_rollups  every hour: folds past days' rollup shards into one row (private.compact_rollup_shards),
//                    so the dashboard reads one row per key and day instead of up to sixteen.
// Runs under plain Node (`npm run worker`, `npm start`), so it imports nothing from SvelteKit.
import { run, Logger, type Runner, type Task, type TaskList } from 'graphile-worker';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { renderMail, isClientMail, type MailContext, type OutboxRow } from './templates.ts';
import { webhookHeaders } from './webhooks.ts';

export interface WorkerOptions {
	databaseUrl: string;
	smtpUrl: string;
	mailFrom: string;
	siteUrl: string;
	organisation: string;
	concurrency?: number;
	/** How often to look for jobs when no notification arrived (ms). */
	pollInterval?: number;
	/** Off in tests that drive the clock themselves. */
	schedule?: boolean;
	log?: (line: string) => void;
}

export interface NotifyWorker {
	runner: Runner;
	stop(): Promise<void>;
}

interface DeliverPayload {
	id: string;
}

export function workerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerOptions {
	const missing = ['DATABASE_URL', 'SMTP_URL'].filter((name) => !env[name]);
	if (missing.length) throw new Error(`The worker needs ${missing.join(' and ')} (see the README's hosted Supabase section).`);
	return {
		databaseUrl: env.DATABASE_URL!,
		smtpUrl: env.SMTP_URL!,
		mailFrom: env.MAIL_FROM || 'Feedback <no-reply@localhost>',
		siteUrl: (env.PUBLIC_SITE_URL || 'http://localhost:5173').replace(/\/$/, ''),
		organisation: env.PUBLIC_ORGANISATION_NAME?.trim() || 'Portal de opinión'
	};
}

function deliverTask(options: WorkerOptions, context: MailContext): Task {
	const transport = nodemailer.createTransport(options.smtpUrl);
	return async (payload, helpers) => {
		const id = (payload as DeliverPayload).id;
		await helpers.withPgClient(async (client) => {
			await client.query('begin');
			try {
				// The row lock makes two workers (or a retry racing a restart) send one row once.
				const { rows } = await client.query<OutboxRow & { status: string }>(
					'select id, kind, recipient, locale, payload, message_id, status from private.outbox where id = $1 for update',
					[id]
				);
				const row = rows[0];
				if (!row || row.status !== 'pending') {
					await client.query('commit');
					return;
				}
				const mail = renderMail(row, context);
				try {
					await transport.sendMail({
						from: options.mailFrom,
						to: row.recipient,
						subject: mail.subject,
						text: mail.text,
						html: mail.html,
						messageId: row.message_id,
						headers: {
							'X-Outbox-Id': row.id,
							// The link opens a page with one button. No List-Unsubscribe-Post (RFC 8058): SvelteKit's CSRF
							// check refuses a cross-site form POST, so a mail provider's one-click POST could not succeed.
							...(isClientMail(row.kind) && mail.unsubscribeUrl ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>` } : {})
						}
					});
				} catch (error) {
					const last = helpers.job.attempts >= helpers.job.max_attempts;
					await client.query(
						`update private.outbox set attempts = $2, last_error = $3, status = case when $4 then 'failed' else status end, updated_at = now() where id = $1`,
						[id, helpers.job.attempts, String((error as Error).message).slice(0, 1000), last]
					);
					await client.query('commit');
					if (last) {
						helpers.logger.error(`outbox ${id}: failed after ${helpers.job.attempts} attempts: ${(error as Error).message}`);
						return;
					}
					throw error;
				}
				await client.query(
					`update private.outbox set status = 'sent', attempts = $2, last_error = null, sent_at = now(), updated_at = now() where id = $1`,
					[id, helpers.job.attempts]
				);
				await client.query('commit');
			} catch (error) {
				await client.query('rollback').catch(() => {});
				throw error;
			}
		});
	};
}

// One webhook delivery: POST the stored payload, signed; a 2xx answer delivers it, anything else is retried like mail.
const WEBHOOK_TIMEOUT_MS = 10_000;
const webhookTask: Task = async (payload, helpers) => {
	const id = (payload as DeliverPayload).id;
	await helpers.withPgClient(async (client) => {
		await client.query('begin');
		try {
			const { rows } = await client.query<{ payload: unknown; status: string; url: string; secret: string; active: boolean }>(
				`select delivery.payload, delivery.status, endpoint.url, endpoint.secret, endpoint.active
				from public.webhook_deliveries as delivery join public.webhook_endpoints as endpoint on endpoint.id = delivery.endpoint_id
				where delivery.id = $1 for update of delivery`,
				[id]
			);
			const row = rows[0];
			if (!row || row.status !== 'pending') {
				await client.query('commit');
				return;
			}
			const body = JSON.stringify(row.payload);
			let failure: string | null = null;
			let statusCode: number | null = null;
			try {
				const response = await fetch(row.url, {
					method: 'POST',
					headers: webhookHeaders(row.secret, id, body),
					body,
					redirect: 'manual',
					signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)
				});
				statusCode = response.status;
				await response.body?.cancel();
				if (response.status < 200 || response.status > 299) failure = `HTTP ${response.status}`;
			} catch (error) {
				failure = String((error as Error).message).slice(0, 1000);
			}
			const last = helpers.job.attempts >= helpers.job.max_attempts;
			await client.query(
				`update public.webhook_deliveries set attempts = $2, last_status_code = $3, last_error = $4,
					status = case when $4::text is null then 'sent' when $5 then 'failed' else status end,
					delivered_at = case when $4::text is null then now() else delivered_at end
				where id = $1`,
				[id, helpers.job.attempts, statusCode, failure, last]
			);
			await client.query('commit');
			if (failure && !last) throw new Error(`webhook ${id}: ${failure}`);
		} catch (error) {
			await client.query('rollback').catch(() => {});
			throw error;
		}
	});
};

const sweepTask: Task = async (_payload, helpers) => {
	await helpers.query(`select private.queue_outbox(outbox.id) from private.outbox as outbox where outbox.status = 'pending'`);
	await helpers.query(
		`select private.queue_webhook(delivery.id) from public.webhook_deliveries as delivery where delivery.status = 'pending'`
	);
};

const deadlineTask: Task = async (_payload, helpers) => {
	await helpers.query('select private.enqueue_deadline_notices(now())');
};

const planVerificationTask: Task = async (_payload, helpers) => {
	await helpers.query('select private.enqueue_plan_verification_notices(now())');
};

const digestTask: Task = async (_payload, helpers) => {
	await helpers.query('select private.enqueue_digests()');
};

const compactRollupsTask: Task = async (_payload, helpers) => {
	await helpers.query('select private.compact_rollup_shards()');
};

export async function startNotifyWorker(options: WorkerOptions): Promise<NotifyWorker> {
	const log = options.log ?? ((line: string) => console.error(line));
	const context: MailContext = { siteUrl: options.siteUrl, organisation: options.organisation };
	const taskList: TaskList = {
		deliver_outbox: deliverTask(options, context),
		deliver_webhook: webhookTask,
		sweep_outbox: sweepTask,
		deadline_notices: deadlineTask,
		daily_digest: digestTask,
		plan_verifications: planVerificationTask,
		compact_rollups: compactRollupsTask
	};
	const logger = new Logger(() => (level, message) => {
		if (level === 'error' || level === 'warning') log(`worker ${level}: ${message}`);
	});
	const runner = await run({
		connectionString: options.databaseUrl,
		concurrency: options.concurrency ?? 2,
		pollInterval: options.pollInterval ?? 2000,
		noHandleSignals: true,
		logger,
		taskList,
		crontab:
			options.schedule === false
				? ''
				: [
						'* * * * * sweep_outbox',
						'* * * * * deadline_notices',
						'0 7 * * * plan_verifications',
						'0 8 * * * daily_digest',
						'7 * * * * compact_rollups'
					].join('\n')
	});
	// Rows written before the queue's schema existed.
	const client = new pg.Client({ connectionString: options.databaseUrl });
	await client.connect();
	try {
		await client.query(`select private.queue_outbox(outbox.id) from private.outbox as outbox where outbox.status = 'pending'`);
		await client.query(
			`select private.queue_webhook(delivery.id) from public.webhook_deliveries as delivery where delivery.status = 'pending'`
		);
	} finally {
		await client.end();
	}
	return { runner, stop: () => runner.stop() };
}
