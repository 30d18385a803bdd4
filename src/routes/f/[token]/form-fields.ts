// Names of the fields the server adds to the client's forms. Kept apart from the schemas so the
// browser bundle carries these few strings and not zod (the browser leaves validation to the server).
import type { HONEYPOT_FIELD } from '$lib/feedback/feedback-item';

// Question ids start with a letter (QUESTION_ID_PATTERN); these never do, so no question can clash.
export const SURVEY_SUBMISSION_FIELD = '_submission';
export const SURVEY_HONEYPOT_FIELD = '_website';

export const ITEM_SUBMISSION_FIELD = 'submission';
/** The shared item schema's honeypot; the type checks it is the same name. */
export const ITEM_HONEYPOT_FIELD: typeof HONEYPOT_FIELD = 'website';
