// The survey behind a link, for validating a posted survey form. Kept in memory for a while after
// the page was rendered, so a submission costs one database call; a miss (restart, another server
// instance) asks the database again. Only for friendly field errors: the RPC checks everything anew.
import type { RequestEvent } from '@sveltejs/kit';
import type { SurveyDefinition } from '$lib/feedback/survey-definition';
import { sha256Hex } from '$lib/server/tokens';
import { fetchFeedbackPage, refuse } from './feedback-page.server';

const KEEP_MS = 15 * 60_000;
const KEEP_AT_MOST = 500;
const remembered = new Map<string, { definition: SurveyDefinition; until: number }>();

export function rememberSurvey(token: string, definition: SurveyDefinition): void {
	// Keyed by the hash, like the database: a heap dump holds no working link.
	const key = sha256Hex(token);
	remembered.delete(key);
	if (remembered.size >= KEEP_AT_MOST) remembered.delete(remembered.keys().next().value!);
	remembered.set(key, { definition, until: Date.now() + KEEP_MS });
}

/** The definition, or null when the database cannot be asked; a refused link ends in its error page. */
export async function surveyOfLink(event: RequestEvent<{ token: string }>): Promise<SurveyDefinition | null> {
	const kept = remembered.get(sha256Hex(event.params.token));
	if (kept && kept.until > Date.now()) return kept.definition;

	const link = await fetchFeedbackPage(event);
	if (link.problem === 'unavailable') return null;
	if (link.problem) refuse(link.problem);
	if (!link.page.survey) refuse(link.page.surveyUnavailable ?? 'not_offered');
	rememberSurvey(event.params.token, link.page.survey.definition);
	return link.page.survey.definition;
}
