// ?/survey: validate the answers against the link's survey, then submit_survey_response.
import type { RequestEvent } from '@sveltejs/kit';
import { error } from '@sveltejs/kit';
import { superValidate, message, setError } from 'sveltekit-superforms';
import type { FormMessage } from '$lib/components/feedback/form-message';
import { callRpc } from '$lib/server/feedback/rpc';
import { clientAddress } from '$lib/server/feedback/client-address';
import { submissionClient } from '$lib/server/feedback/submission-client';
import { confirmSubmission, submissionFor } from '$lib/server/feedback/resubmission';
import { refuse } from './feedback-page.server';
import { surveyAdapter } from './forms.server';
import { surveyOfLink } from './survey-of-link.server';
import { answersOf, scaleAnswersNotWhole, type SurveyFormData } from './survey-form';
import { SURVEY_SUBMISSION_FIELD } from './form-fields';
import { databaseFieldErrors, formProblem } from '$lib/server/feedback/form-outcome';

export async function submitSurvey(event: RequestEvent<{ token: string }>) {
	const definition = await surveyOfLink(event);
	// Without the questions the form cannot even be read back; the database is down anyway.
	if (!definition) refuse('unavailable');

	// Read once, so the raw text of the scale answers can be checked too; a body that is no form is bad input.
	const formData = await event.request.formData().catch(() => error(400, 'invalid_form'));
	const form = await superValidate<SurveyFormData, FormMessage>(formData, surveyAdapter(definition) as never, { id: 'survey' });
	for (const questionId of scaleAnswersNotWhole(formData, definition)) setError(form, questionId, 'invalid');
	if (!form.valid) return formProblem(form, 'fields');

	const answers = answersOf(form.data);
	const submission = submissionFor(event.cookies, event.url.pathname, 'survey', answers, form.data[SURVEY_SUBMISSION_FIELD]);
	const result = await callRpc(submissionClient(), 'submit_survey_response', {
		p_token: event.params.token,
		p_submission: submission,
		p_answers: answers,
		p_client_address: clientAddress(event)
	});
	if (!result) return formProblem(form, 'unavailable');
	switch (result.outcome) {
		case 'ok':
		case 'duplicate':
			confirmSubmission(event.cookies, event.url.pathname, 'survey', submission);
			return message(form, { type: 'survey_thanks', thanks: definition.thanks });
		case 'rate_limited':
			return formProblem(form, 'rate_limited');
		case 'invalid':
			return databaseFieldErrors(form, result.errors);
		default:
			refuse(result.outcome);
	}
}
