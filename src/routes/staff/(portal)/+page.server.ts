import { loadInboxCounts } from '$lib/server/triage/inbox';
import type { PageServerLoad } from './$types';

// The staff home shows "my queue": what is mine, what is new, what is overdue, each a link into the inbox.
export const load: PageServerLoad = async ({ locals }) => ({ queue: await loadInboxCounts(locals.supabase) });
