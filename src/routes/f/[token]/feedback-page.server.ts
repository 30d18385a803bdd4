// What a link offers, from get_feedback_page; a refused link becomes its friendly error page.
import { error, type RequestEvent } from '@sveltejs/kit';
import type { FeedbackPage } from '$lib/feedback/rpc-types';
import type { Problem } from '$lib/components/feedback/problems';
import { callRpc } from '$lib/server/feedback/rpc';
import { PROBLEM_STATUS } from '$lib/server/feedback/outcome-status';

// Tokens are 22 URL-safe characters; the seed's demo token is longer. Anything else is not ours.
const PLAUSIBLE_TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

export type FeedbackPageAnswer = { page: FeedbackPage; problem?: never } | { page?: never; problem: Problem };

export async function fetchFeedbackPage(event: Pick<RequestEvent, 'locals' | 'params'>): Promise<FeedbackPageAnswer> {
	const token = event.params.token ?? '';
	if (!PLAUSIBLE_TOKEN.test(token)) return { problem: 'unknown_token' };
	const result = await callRpc(event.locals.supabase, 'get_feedback_page', { p_token: token });
	if (!result) return { problem: 'unavailable' };
	if (result.outcome !== 'ok') return { problem: result.outcome };
	return { page: result };
}

/** Ends the request with the problem's own status and error page (src/routes/f/[token]/+error.svelte). */
export function refuse(problem: Problem): never {
	error(PROBLEM_STATUS[problem], problem);
}
