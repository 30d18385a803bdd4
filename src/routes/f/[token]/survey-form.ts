// The survey as a flat HTML form: one field per question (named by its id, so it posts without
// JavaScript) plus the submission token and the honeypot, named so no question id can clash.
import { z } from 'zod';
import { submissionTokenField } from '$lib/feedback/submission-token';
import { answersSchemaFor, type Answers, type AnswerValue, type SurveyDefinition } from '$lib/feedback/survey-definition';

import { SURVEY_HONEYPOT_FIELD, SURVEY_SUBMISSION_FIELD } from './form-fields';

export type SurveyFormData = Record<string, AnswerValue | undefined> & { _submission: string; _website?: string };

export function surveyFormSchema(definition: SurveyDefinition) {
	return answersSchemaFor(definition).extend({
		// The database checks the token's shape; here only that one came back, in characters a token has
		// (a NUL or a stray byte would fail at the database on every retry, as "unavailable").
		[SURVEY_SUBMISSION_FIELD]: submissionTokenField,
		[SURVEY_HONEYPOT_FIELD]: z.string().max(0, 'invalid').optional()
	});
}

/**
 * Nothing chosen until the client chooses: without these, superforms would start a scale at its
 * minimum and a single choice at its first option, and a skipped required question would pass.
 */
export function surveyFormDefaults(definition: SurveyDefinition): SurveyFormData {
	const defaults: SurveyFormData = { [SURVEY_SUBMISSION_FIELD]: '', [SURVEY_HONEYPOT_FIELD]: '' };
	for (const question of definition.questions) {
		if (question.type === 'multiple_choice') defaults[question.id] = [];
		else if (question.type === 'short_text' || question.type === 'long_text') defaults[question.id] = '';
		else defaults[question.id] = undefined;
	}
	return defaults;
}

/** The answers alone, as submit_survey_response expects them. */
export function answersOf(data: SurveyFormData): Answers {
	const answers: Answers = {};
	for (const [id, value] of Object.entries(data)) {
		if (id !== SURVEY_SUBMISSION_FIELD && id !== SURVEY_HONEYPOT_FIELD && value !== undefined) answers[id] = value;
	}
	return answers;
}

/**
 * Scale questions whose posted text is not a whole number as a form sends it ("9"). superforms reads an
 * integer field with parseInt, so "4.5" or "5e-275" would pass as 4 or 5: tampered input, refused instead.
 */
export function scaleAnswersNotWhole(formData: FormData, definition: SurveyDefinition): string[] {
	return definition.questions
		.filter((question) => question.type === 'nps' || question.type === 'csat' || question.type === 'rating')
		.filter((question) =>
			formData.getAll(question.id).some((value) => typeof value !== 'string' || (value !== '' && !/^\d{1,2}$/.test(value)))
		)
		.map((question) => question.id);
}
