// Every way a client's page can refuse, as one code: the server chooses it, the page turns it into words.
import { m } from '$lib/paraglide/messages.js';

export const PROBLEMS = [
	'unknown_token',
	'unknown_tracking',
	'expired',
	'revoked',
	'already_used',
	'survey_closed',
	'not_offered',
	'rate_limited',
	'unavailable',
	'too_large',
	'error'
] as const;
export type Problem = (typeof PROBLEMS)[number];

/** An error page carries its problem as the error message (App.Error has only `message`). */
export function problemOf(message: string | undefined): Problem {
	return (PROBLEMS as readonly string[]).includes(message ?? '') ? (message as Problem) : 'error';
}

interface ProblemWords {
	heading: () => string;
	text: () => string;
}

export const problemWords: Record<Problem, ProblemWords> = {
	unknown_token: { heading: m.fb_problem_unknown_heading, text: m.fb_problem_unknown_text },
	unknown_tracking: { heading: m.fb_problem_unknown_tracking_heading, text: m.fb_problem_unknown_tracking_text },
	expired: { heading: m.fb_problem_expired_heading, text: m.fb_problem_expired_text },
	revoked: { heading: m.fb_problem_revoked_heading, text: m.fb_problem_revoked_text },
	already_used: { heading: m.fb_problem_already_used_heading, text: m.fb_problem_already_used_text },
	survey_closed: { heading: m.fb_problem_survey_closed_heading, text: m.fb_problem_survey_closed_text },
	not_offered: { heading: m.fb_problem_not_offered_heading, text: m.fb_problem_not_offered_text },
	rate_limited: { heading: m.fb_problem_rate_limited_heading, text: m.fb_problem_rate_limited_text },
	unavailable: { heading: m.fb_problem_unavailable_heading, text: m.fb_problem_unavailable_text },
	too_large: { heading: m.fb_problem_too_large_heading, text: m.fb_problem_too_large_text },
	error: { heading: m.fb_problem_error_heading, text: m.fb_problem_error_text }
};

/** Problems that pass with time: the page offers to try again. */
export const RETRYABLE: ReadonlySet<Problem> = new Set(['rate_limited', 'unavailable', 'error']);
