// ?/complaint and ?/suggestion: validate with the shared item schema, then submit_feedback_item.
// The submission token becomes the tracking token, so the confirmation can show the tracking link.
import type { RequestEvent } from '@sveltejs/kit';
import { superValidate, message } from 'sveltekit-superforms';
import type { PublicFeedbackKind } from '$lib/feedback/feedback-item';
import type { FormMessage } from '$lib/components/feedback/form-message';
import { callRpc } from '$lib/server/feedback/rpc';
import { getLocale } from '$lib/paraglide/runtime.js';
import { clientAddress } from '$lib/server/feedback/client-address';
import { submissionClient } from '$lib/server/feedback/submission-client';
import { qrCodeSvg, trackingUrl } from '$lib/server/feedback/tracking-link';
import { confirmSubmission, submissionFor } from '$lib/server/feedback/resubmission';
import { refuse } from './feedback-page.server';
import { itemAdapter } from './forms.server';
import { ITEM_SUBMISSION_FIELD } from './form-fields';
import { databaseFieldErrors, formProblem } from '$lib/server/feedback/form-outcome';

export async function submitItem(event: RequestEvent<{ token: string }>, kind: PublicFeedbackKind) {
	const form = await superValidate<typeof itemAdapter.defaults, FormMessage>(event.request, itemAdapter, { id: kind });
	if (!form.valid) return formProblem(form, 'fields');

	const { [ITEM_SUBMISSION_FIELD]: renderedSubmission, ...item } = form.data;
	const submission = submissionFor(event.cookies, event.url.pathname, kind, item, renderedSubmission);
	const result = await callRpc(submissionClient(), 'submit_feedback_item', {
		p_token: event.params.token,
		p_submission: submission,
		// The language the client is reading in is the one the item's e-mails use.
		p_item: { ...item, kind, contract_id: item.contract_id || undefined, locale: getLocale() === 'en' ? 'en' : 'es' },
		p_client_address: clientAddress(event)
	});
	if (!result) return formProblem(form, 'unavailable');
	switch (result.outcome) {
		case 'ok':
		case 'duplicate': {
			confirmSubmission(event.cookies, event.url.pathname, kind, submission);
			const url = trackingUrl(result.confirmation.trackingToken, event.url);
			return message(form, { type: 'item_sent', kind, trackingUrl: url, qrSvg: await qrCodeSvg(url) });
		}
		case 'rate_limited':
			return formProblem(form, 'rate_limited');
		case 'invalid':
			if (result.errors.kind === 'not_offered') refuse('not_offered');
			return databaseFieldErrors(form, result.errors);
		default:
			refuse(result.outcome);
	}
}
