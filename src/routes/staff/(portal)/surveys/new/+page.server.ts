import { error, fail, redirect } from '@sveltejs/kit';
import { message } from 'sveltekit-superforms';
import { canEditSurveys } from '../can-edit-surveys.ts';
import { blankDraft } from '../editor/draft.ts';
import { draftForm, postedForm } from '../editor/editor-form.server.ts';
import { saveMessage, saveStatus } from '../editor/save-outcome.ts';
import { structureActions } from '../editor/structure-actions.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!canEditSurveys(locals.staff!.role)) error(403, 'Forbidden');
	return { form: await draftForm(blankDraft()) };
};

export const actions: Actions = {
	// A new survey has no answers yet, so nothing is locked.
	...structureActions(async () => new Map()),
	save: async ({ locals, request }) => {
		if (!canEditSurveys(locals.staff!.role)) error(403, 'Forbidden');
		const form = await postedForm(request);
		if (!form.valid) return fail(400, { form });

		const { triggerPoint, status, definition } = form.data;
		const { data, error: dbError } = await locals.supabase
			.from('surveys')
			.insert({ trigger_point: triggerPoint, status, definition })
			.select('id')
			.single();
		const refusal = saveMessage(dbError);
		if (refusal || !data) return message(form, refusal ?? 'unavailable', { status: saveStatus(refusal ?? 'unavailable') });
		redirect(303, `/staff/surveys?saved=${data.id}`);
	}
};
