// superforms adapters of the page's forms, and the empty forms a page render starts with.
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { SurveyDefinition } from '$lib/feedback/survey-definition';
import type { PublicFeedbackKind } from '$lib/feedback/feedback-item';
import type { FormMessage } from '$lib/components/feedback/form-message';
import { newSubmissionToken } from '$lib/server/tokens';
import { surveyFormDefaults, surveyFormSchema, type SurveyFormData } from './survey-form';
import { itemFormDefaults, itemFormSchema } from './item-form';
import { ITEM_SUBMISSION_FIELD, SURVEY_SUBMISSION_FIELD } from './form-fields';

export const itemAdapter = zod4(itemFormSchema, { defaults: itemFormDefaults });

// Building a schema's JSON Schema costs more than the rest of a render; a link's survey rarely changes.
const surveyAdapters = new Map<string, ReturnType<typeof buildSurveyAdapter>>();
const SURVEY_ADAPTERS_KEPT = 32;

function buildSurveyAdapter(definition: SurveyDefinition) {
	// The schema is built at run time from the definition, so its type is the loose one.
	return zod4(surveyFormSchema(definition), { defaults: surveyFormDefaults(definition) as never });
}

export function surveyAdapter(definition: SurveyDefinition) {
	const key = JSON.stringify(definition);
	let adapter = surveyAdapters.get(key);
	if (!adapter) {
		if (surveyAdapters.size >= SURVEY_ADAPTERS_KEPT) surveyAdapters.delete(surveyAdapters.keys().next().value!);
		adapter = buildSurveyAdapter(definition);
		surveyAdapters.set(key, adapter);
	}
	return adapter;
}

/** A fresh form carries a fresh submission token: the key that makes a replayed submission harmless. */
export function emptySurveyForm(definition: SurveyDefinition) {
	const data = { ...surveyFormDefaults(definition), [SURVEY_SUBMISSION_FIELD]: newSubmissionToken() } as SurveyFormData;
	return superValidate<SurveyFormData, FormMessage>(data, surveyAdapter(definition) as never, { errors: false, id: 'survey' });
}

export function emptyItemForm(kind: PublicFeedbackKind, contractId: string | undefined) {
	const data = { ...itemFormDefaults, contract_id: contractId ?? '', [ITEM_SUBMISSION_FIELD]: newSubmissionToken() };
	return superValidate<typeof itemFormDefaults, FormMessage>(data, itemAdapter, { errors: false, id: kind });
}
