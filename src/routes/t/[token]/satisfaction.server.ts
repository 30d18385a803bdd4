// ?/satisfaction: the client's yes or no on a resolved item, through submit_resolution_feedback.
import { error, type RequestEvent } from '@sveltejs/kit';
import { superValidate, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { FormMessage } from '$lib/components/feedback/form-message';
import { newSubmissionToken } from '$lib/server/tokens';
import { callRpc } from '$lib/server/feedback/rpc';
import { clientAddress } from '$lib/server/feedback/client-address';
import { submissionClient } from '$lib/server/feedback/submission-client';
import { formProblem } from '$lib/server/feedback/form-outcome';
import { PROBLEM_STATUS } from '$lib/server/feedback/outcome-status';
import { satisfactionDefaults, satisfactionFormSchema } from './satisfaction-form';

const adapter = zod4(satisfactionFormSchema, { defaults: satisfactionDefaults });

export function emptySatisfactionForm() {
	return superValidate({ ...satisfactionDefaults, submission: newSubmissionToken() }, adapter, { errors: false, id: 'satisfaction' });
}

export async function submitSatisfaction(event: RequestEvent<{ token: string }>) {
	const form = await superValidate<typeof satisfactionDefaults, FormMessage>(event.request, adapter, { id: 'satisfaction' });
	if (!form.valid) return formProblem(form, 'rejected');

	const satisfied = form.data.satisfied === 'yes';
	const result = await callRpc(submissionClient(), 'submit_resolution_feedback', {
		p_tracking_token: event.params.token,
		p_submission: form.data.submission,
		p_satisfied: satisfied,
		p_client_address: clientAddress(event)
	});
	if (!result) return formProblem(form, 'unavailable');
	switch (result.outcome) {
		case 'ok':
		case 'duplicate':
			return message(form, { type: 'satisfaction_saved', satisfied: result.confirmation.satisfied });
		case 'rate_limited':
			return formProblem(form, 'rate_limited');
		case 'not_resolved':
			return formProblem(form, 'not_resolved');
		case 'already_used':
			return formProblem(form, 'already_answered');
		case 'invalid':
			return formProblem(form, 'rejected');
		case 'unknown_token':
			error(PROBLEM_STATUS.unknown_tracking, 'unknown_tracking');
	}
}
