// /t/<tracking-token>: a client follows one complaint or suggestion, and rates its resolution.
import { refuseOversizeBody } from '$lib/server/feedback/body-limit';
import { markPrivate } from '$lib/server/feedback/private-page';
import { limitPageLoads } from '$lib/server/feedback/page-load-limit';
import { fetchTracking, readableDate } from './tracking.server';
import { emptySatisfactionForm, submitSatisfaction } from './satisfaction.server';
import { submitClientMessage } from './client-message.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	markPrivate(event);
	limitPageLoads(event);
	const { item, replies } = await fetchTracking(event);
	return {
		item: {
			kind: item.kind,
			category: item.category,
			subject: item.subject,
			description: item.description,
			status: item.status,
			submittedOn: readableDate(item.submittedAt),
			updatedOn: readableDate(item.updatedAt),
			resolvedOn: readableDate(item.resolvedAt),
			resolutionSatisfied: item.resolutionSatisfied
		},
		replies: replies.map((reply) => ({ body: reply.body, sentOn: readableDate(reply.sentAt), fromClient: reply.fromClient })),
		satisfactionForm: item.canRateResolution ? await emptySatisfactionForm() : null,
		canAddMessage: item.canAddMessage,
		// A mail's one-tap link opens the page with its answer preselected; only the tap on the page records it.
		preselected: (['yes', 'no'] as const).find((answer) => answer === event.url.searchParams.get('satisfied')) ?? null
	};
};

export const actions: Actions = {
	satisfaction: async (event) => {
		markPrivate(event);
		refuseOversizeBody(event);
		return submitSatisfaction(event);
	},
	message: async (event) => {
		markPrivate(event);
		refuseOversizeBody(event);
		return submitClientMessage(event);
	}
};
