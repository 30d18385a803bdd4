// `npm start`: the production server on a Supabase project given by the environment. Starts no local
// stack and applies no seed; without the Supabase variables it refuses at once and says what to run instead.
import { missingSupabaseVars, serveBuild, stopTogether } from './serve-build.ts';
import { startNotifyWorker, workerOptionsFromEnv } from '../src/lib/server/notify/worker.ts';

const missing = missingSupabaseVars();
if (missing.length) {
	console.error(
		`npm start needs ${missing.join(', ')} (your Supabase project's URL and keys). ` +
			'To try the app on the local demo database instead, run `npm run demo`.'
	);
	process.exit(1);
}

try {
	const { child, appUrl, siteUrl } = await serveBuild({}, false);
	// The outbox worker beside the app (`npm run worker` runs more of them on their own).
	const workerEnv: NodeJS.ProcessEnv = { ...process.env, PUBLIC_SITE_URL: siteUrl };
	const worker = workerEnv.DATABASE_URL && workerEnv.SMTP_URL ? await startNotifyWorker(workerOptionsFromEnv(workerEnv)) : null;
	if (!worker) console.error('DATABASE_URL or SMTP_URL is not set: no outbox worker runs here, so mail waits in the outbox.');
	console.log(`APP_URL=${appUrl}`);
	console.log(`PUBLIC_SITE_URL=${siteUrl}`);
	stopTogether(child, async () => worker?.stop());
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
