// A browser supabase-js client for live staff screens. The session cookie is HttpOnly, so the page gets the
// staff member's short-lived access token from the server (the staff layout's data) and asks the server for a
// fresh one before it expires. Only the access token (1 h) ever reaches page script, never the refresh token.
import { createClient } from '@supabase/supabase-js';
import { env } from '$env/dynamic/public';
import type { Database } from '$lib/database.types';

export interface RealtimeAccess {
	accessToken: string;
	/** Unix seconds, as in the session. */
	expiresAt: number;
}

/** Where a page fetches a fresh token; answered by src/routes/staff/(portal)/realtime-token/+server.ts. */
export const REALTIME_TOKEN_PATH = '/staff/realtime-token';
const REFRESH_MARGIN_MS = 120_000;

async function fetchAccess(): Promise<RealtimeAccess | null> {
	try {
		const response = await fetch(REALTIME_TOKEN_PATH, { headers: { accept: 'application/json' }, cache: 'no-store' });
		if (!response.ok || !response.headers.get('content-type')?.includes('application/json')) return null;
		return (await response.json()) as RealtimeAccess;
	} catch {
		return null;
	}
}

export function createRealtimeClient(initial: RealtimeAccess) {
	let current = initial;
	return createClient<Database>(env.PUBLIC_SUPABASE_URL ?? '', env.PUBLIC_SUPABASE_ANON_KEY ?? '', {
		// supabase-js asks for the token on connect and on every heartbeat, so an open screen keeps a valid one.
		accessToken: async () => {
			if (current.expiresAt * 1000 - Date.now() < REFRESH_MARGIN_MS) current = (await fetchAccess()) ?? current;
			return current.accessToken;
		}
	});
}
