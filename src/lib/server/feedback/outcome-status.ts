// The HTTP status that goes with each refusal, so the friendly page still answers truthfully.
import type { Problem } from '$lib/components/feedback/problems';

export const PROBLEM_STATUS: Record<Problem, number> = {
	unknown_token: 404,
	unknown_tracking: 404,
	expired: 410,
	revoked: 410,
	survey_closed: 410,
	not_offered: 404,
	already_used: 409,
	rate_limited: 429,
	unavailable: 503,
	too_large: 413,
	error: 500
};
