import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import type { RealtimeAccess } from '$lib/realtime/browser-client';

export const load: LayoutServerLoad = async ({ locals }) => {
	// The hook already redirected anyone who is not active staff; this only narrows the type.
	if (!locals.staff) error(401, 'Not signed in');
	const { session } = await locals.safeGetSession();
	// Live screens connect to Realtime as this person (RLS decides what they receive); see $lib/realtime.
	const realtime: RealtimeAccess | null = session ? { accessToken: session.access_token, expiresAt: session.expires_at ?? 0 } : null;
	return { staff: locals.staff, realtime };
};
