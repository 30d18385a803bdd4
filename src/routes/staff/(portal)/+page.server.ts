import { loadPlanCounts } from '$lib/server/actions/counts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ planCounts: await loadPlanCounts(locals.supabase) });
