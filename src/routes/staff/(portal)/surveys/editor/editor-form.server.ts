// Builds the superforms object the editor renders, from a draft or from a stored survey.
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { SurveyDefinition } from '$lib/feedback/survey-definition';
import { surveyEditorSchema, type SurveyEditorValues } from './editor-schema.ts';
import { readSurveyDraft, type SurveyDraft } from './draft.ts';

export const editorAdapter = zod4(surveyEditorSchema);

/** A draft as the form shows it; errors only when the person asked to save. */
export function draftForm(draft: SurveyDraft, showErrors = false) {
	// A draft may hold anything typed so far; validation says what is wrong with it.
	return superValidate(draft as unknown as SurveyEditorValues, editorAdapter, { errors: showErrors });
}

/**
 * The editor's save, validated: superforms' enhanced post carries the whole draft as JSON (`__superform_json`);
 * without JavaScript the browser posts the flat named fields, read back into the same draft.
 */
export async function postedForm(request: Request) {
	const formData = await request.formData();
	if (formData.has('__superform_json')) return superValidate(formData, editorAdapter);
	return draftForm(readSurveyDraft(formData), true);
}

export interface StoredSurvey {
	id: string;
	trigger_point: SurveyEditorValues['triggerPoint'];
	status: SurveyEditorValues['status'];
	version: number;
	previous_version_id: string | null;
	definition: SurveyDefinition;
}

export function storedDraft(survey: StoredSurvey): SurveyDraft {
	return { triggerPoint: survey.trigger_point, status: survey.status, definition: survey.definition };
}
