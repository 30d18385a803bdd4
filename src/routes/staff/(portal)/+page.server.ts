import { loadInboxCounts } from '$lib/server/triage/inbox';
import { loadPlanCounts } from '$lib/server/actions/counts';
import type { PageServerLoad } from './$types';

// The staff home shows "my queue": what is mine, what is new, what is overdue, each a link into the inbox;
// and the corrective action plans due for verification (the scheduled check, run on page load).
export const load: PageServerLoad = async ({ locals }) => {
	const [queue, planCounts] = await Promise.all([loadInboxCounts(locals.supabase), loadPlanCounts(locals.supabase)]);
	return { queue, planCounts };
};
