import { error, fail, redirect } from '@sveltejs/kit';
import { message } from 'sveltekit-superforms';
import { canEditSurveys } from '../can-edit-surveys.ts';
import { draftForm, postedForm, storedDraft } from '../editor/editor-form.server.ts';
import { breaksAnsweredQuestions } from '../editor/locked-questions.ts';
import { saveMessage, saveStatus } from '../editor/save-outcome.ts';
import { structureActions } from '../editor/structure-actions.server.ts';
import { loadSurvey } from './stored-survey.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { survey, responseCount, lockedTypes, nextVersionId } = await loadSurvey(locals.supabase, params.id);
	return {
		form: await draftForm(storedDraft(survey)),
		survey: { id: survey.id, version: survey.version, previousVersionId: survey.previous_version_id, nextVersionId },
		responseCount,
		lockedTypes: Object.fromEntries(lockedTypes),
		canEdit: canEditSurveys(locals.staff!.role),
		versionCreated: url.searchParams.has('new-version')
	};
};

export const actions: Actions = {
	...structureActions(async ({ locals, params }) => (await loadSurvey(locals.supabase, params.id!)).lockedTypes),

	save: async ({ locals, params, request }) => {
		if (!canEditSurveys(locals.staff!.role)) error(403, 'Forbidden');
		const form = await postedForm(request);
		if (!form.valid) return fail(400, { form });
		const { lockedTypes } = await loadSurvey(locals.supabase, params.id);
		if (breaksAnsweredQuestions(form.data, lockedTypes)) return message(form, 'refused_locked', { status: 409 });

		const { triggerPoint, status, definition } = form.data;
		const { data, error: dbError } = await locals.supabase
			.from('surveys')
			.update({ trigger_point: triggerPoint, status, definition })
			.eq('id', params.id)
			.select('id');
		const refusal = saveMessage(dbError, data?.length);
		if (refusal) return message(form, refusal, { status: saveStatus(refusal) });
		redirect(303, `/staff/surveys?saved=${params.id}`);
	},

	// A copy the editor may change freely; the responses stay with the version they answered.
	// The database numbers it (previous version + 1).
	newVersion: async ({ locals, params }) => {
		if (!canEditSurveys(locals.staff!.role)) error(403, 'Forbidden');
		const { survey, nextVersionId } = await loadSurvey(locals.supabase, params.id);
		if (nextVersionId) redirect(303, `/staff/surveys/${nextVersionId}`);
		const { data, error: dbError } = await locals.supabase
			.from('surveys')
			.insert({
				trigger_point: survey.trigger_point,
				status: 'draft',
				definition: survey.definition,
				previous_version_id: survey.id
			})
			.select('id')
			.single();
		const refusal = saveMessage(dbError);
		if (refusal || !data) return fail(saveStatus(refusal ?? 'unavailable'), { versionError: refusal ?? 'unavailable' });
		redirect(303, `/staff/surveys/${data.id}?new-version`);
	}
};
