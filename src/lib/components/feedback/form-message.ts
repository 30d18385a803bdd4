// What a client form's action answers in superforms' `message`: a confirmation, or why the form came back.
import type { LocalizedText } from '$lib/feedback/survey-definition';

/**
 * fields: see the marked fields; rejected: the form as a whole was refused (stale or tampered);
 * not_resolved / already_answered: the tracking page's satisfaction question cannot take an answer now.
 */
export type FormProblem = 'fields' | 'rejected' | 'rate_limited' | 'unavailable' | 'not_resolved' | 'already_answered';

export type FormMessage =
	| { type: 'problem'; problem: FormProblem }
	| { type: 'survey_thanks'; thanks: LocalizedText }
	| { type: 'item_sent'; kind: 'complaint' | 'suggestion'; trackingUrl: string; qrSvg: string }
	| { type: 'satisfaction_saved'; satisfied: boolean };
