// /t/<tracking-token>/unsubscribe: the link in every client mail (and its List-Unsubscribe header). Opening it
// changes nothing (mail scanners open links); the one button on the page stops further mail about the item.
import { error } from '@sveltejs/kit';
import { markPrivate } from '$lib/server/feedback/private-page';
import { limitPageLoads } from '$lib/server/feedback/page-load-limit';
import { refuseOversizeBody } from '$lib/server/feedback/body-limit';
import { PROBLEM_STATUS } from '$lib/server/feedback/outcome-status';
import { fetchTracking } from '../tracking.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	markPrivate(event);
	limitPageLoads(event);
	await fetchTracking(event);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		markPrivate(event);
		refuseOversizeBody(event);
		const { data, error: failure } = await event.locals.supabase.rpc('unsubscribe_tracking', { p_tracking_token: event.params.token });
		if (failure) error(PROBLEM_STATUS.unavailable, 'unavailable');
		if (data !== true) error(PROBLEM_STATUS.unknown_tracking, 'unknown_tracking');
		return { unsubscribed: true };
	}
};
