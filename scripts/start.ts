// `npm start`: the production server on a Supabase project given by the environment. Starts no local
// stack and applies no seed; without the Supabase variables it refuses at once and says what to run instead.
import { missingSupabaseVars, serveBuild, stopTogether } from './serve-build.ts';

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
	console.log(`APP_URL=${appUrl}`);
	console.log(`PUBLIC_SITE_URL=${siteUrl}`);
	stopTogether(child);
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
