// `npm run worker`: the outbox worker on its own (scale out: run as many as you like; each row is sent once).
// Needs DATABASE_URL (the Postgres connection string; hosted Supabase gives it) and SMTP_URL; MAIL_FROM,
// PUBLIC_SITE_URL and PUBLIC_ORGANISATION_NAME shape the mail.
import { startNotifyWorker, workerOptionsFromEnv } from '../src/lib/server/notify/worker.ts';

try {
	const worker = await startNotifyWorker(workerOptionsFromEnv());
	console.error('Outbox worker running.');
	const stop = async () => {
		await worker.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
