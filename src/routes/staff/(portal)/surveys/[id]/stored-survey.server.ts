// Reads one survey with what the editor needs to know about it: its answers lock its questions.
import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { StoredSurvey } from '../editor/editor-form.server.ts';

export interface SurveyWithResponses {
	survey: StoredSurvey;
	responseCount: number;
	/** Stored question id → type when there are responses; empty otherwise. */
	lockedTypes: Map<string, string>;
	nextVersionId: string | null;
}

export async function loadSurvey(supabase: SupabaseClient<Database>, id: string): Promise<SurveyWithResponses> {
	const [surveyResult, responsesResult, nextResult] = await Promise.all([
		supabase.from('surveys').select('id, trigger_point, status, version, previous_version_id, definition').eq('id', id).maybeSingle(),
		supabase.from('survey_responses').select('id', { count: 'exact', head: true }).eq('survey_id', id),
		supabase.from('surveys').select('id').eq('previous_version_id', id).maybeSingle()
	]);
	if (surveyResult.error?.code === '22P02') error(404, 'Not found');
	if (surveyResult.error || responsesResult.error) error(503, 'Survey unavailable');
	if (!surveyResult.data) error(404, 'Not found');
	const survey = surveyResult.data as StoredSurvey;
	const responseCount = responsesResult.count ?? 0;
	const lockedTypes = new Map(responseCount > 0 ? survey.definition.questions.map((q) => [q.id, q.type as string]) : []);
	return { survey, responseCount, lockedTypes, nextVersionId: nextResult.data?.id ?? null };
}
