// The item behind a tracking token, from get_tracking, with its dates written for the reader.
import { error, type RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { TrackingPage } from '$lib/feedback/rpc-types';
import { callRpc } from '$lib/server/feedback/rpc';
import { PROBLEM_STATUS } from '$lib/server/feedback/outcome-status';

const PLAUSIBLE_TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

export async function fetchTracking(event: Pick<RequestEvent, 'locals' | 'params'>): Promise<TrackingPage> {
	const token = event.params.token ?? '';
	const result = PLAUSIBLE_TOKEN.test(token)
		? await callRpc(event.locals.supabase, 'get_tracking', { p_tracking_token: token })
		: { outcome: 'unknown_token' as const };
	if (!result) error(PROBLEM_STATUS.unavailable, 'unavailable');
	if (result.outcome !== 'ok') error(PROBLEM_STATUS.unknown_tracking, 'unknown_tracking');
	return result;
}

/** Written on the server (its TZ), so the page reads the same with and without JavaScript. */
export function readableDate(timestamp: string): string;
export function readableDate(timestamp: string | null): string | null;
export function readableDate(timestamp: string | null): string | null {
	if (!timestamp) return null;
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(timestamp));
}
