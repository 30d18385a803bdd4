// /t/<tracking-token>: a client follows one complaint or suggestion, and rates its resolution.
import { refuseOversizeBody } from '$lib/server/feedback/body-limit';
import { markPrivate } from '$lib/server/feedback/private-page';
import { limitPageLoads } from '$lib/server/feedback/page-load-limit';
import { fetchTracking, readableDate } from './tracking.server';
import { emptySatisfactionForm, submitSatisfaction } from './satisfaction.server';
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
		replies: replies.map((reply) => ({ body: reply.body, sentOn: readableDate(reply.sentAt) })),
		satisfactionForm: item.canRateResolution ? await emptySatisfactionForm() : null
	};
};

export const actions: Actions = {
	satisfaction: async (event) => {
		markPrivate(event);
		refuseOversizeBody(event);
		return submitSatisfaction(event);
	}
};
