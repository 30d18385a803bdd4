// A fresh access token for the page's Realtime connection (src/lib/realtime/browser-client.ts).
// getSession() refreshes an expiring session through @supabase/ssr, which rewrites the cookie on this response.
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const { session } = await locals.safeGetSession();
	if (!session || !locals.staff) error(401, 'Not signed in');
	return json(
		{ accessToken: session.access_token, expiresAt: session.expires_at ?? 0 },
		{ headers: { 'cache-control': 'private, no-store' } }
	);
};
