// ?/message: the client adds information to an open item (or says what is still wrong after "not resolved").
// It lands in the item's timeline as a client message, and the assignee is mailed.
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { callRpc } from '$lib/server/feedback/rpc';
import { clientAddress } from '$lib/server/feedback/client-address';
import { submissionClient } from '$lib/server/feedback/submission-client';
import { PROBLEM_STATUS } from '$lib/server/feedback/outcome-status';

const messageSchema = z.object({ body: z.string().trim().min(1).max(4000) });

export type ClientMessageProblem = 'required' | 'closed' | 'failed';

export async function submitClientMessage(event: RequestEvent<{ token: string }>) {
	const parsed = messageSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!parsed.success) return fail(400, { messageProblem: 'required' as ClientMessageProblem });
	const result = await callRpc(submissionClient(), 'add_client_message', {
		p_tracking_token: event.params.token,
		p_body: parsed.data.body,
		p_client_address: clientAddress(event)
	});
	if (!result) return fail(503, { messageProblem: 'failed' as ClientMessageProblem });
	switch (result.outcome) {
		case 'ok':
			return { messageSent: true };
		case 'closed':
			return fail(409, { messageProblem: 'closed' as ClientMessageProblem });
		case 'invalid':
			return fail(400, { messageProblem: 'required' as ClientMessageProblem });
		case 'rate_limited':
			return fail(429, { messageProblem: 'failed' as ClientMessageProblem });
		case 'unknown_token':
			error(PROBLEM_STATUS.unknown_tracking, 'unknown_tracking');
	}
}
