import { fail } from '@sveltejs/kit';
import { superValidate, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { filtersFromUrl } from '$lib/triage/inbox-filters';
import { decodeCursor } from '$lib/server/triage/cursor';
import { loadAssignees, loadInboxCounts, loadInboxPage, loadTransitions } from '$lib/server/triage/inbox';
import { bulkSchema } from './bulk-schema';
import { loadPlanCounts } from '$lib/server/actions/counts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = filtersFromUrl(url.searchParams);
	const after = decodeCursor(url.searchParams.get('after'));
	const [page, counts, assignees, transitions, clients, planCounts] = await Promise.all([
		loadInboxPage(locals.supabase, filters, after),
		loadInboxCounts(locals.supabase),
		loadAssignees(locals.supabase),
		loadTransitions(locals.supabase),
		locals.supabase.from('clients').select('id, name').order('name'),
		loadPlanCounts(locals.supabase)
	]);
	return {
		filters,
		isLaterPage: after !== null,
		...page,
		counts,
		planCounts,
		assignees,
		transitions,
		clients: clients.data ?? [],
		me: locals.staff!.userId,
		bulkForm: await superValidate(zod4(bulkSchema))
	};
};

export const actions: Actions = {
	// Assign, set priority and change status of the selected rows; RLS and the workflow trigger decide
	// row by row, so a row the caller may not change, or whose status cannot move there, stays as it was.
	bulk: async ({ request, locals }) => {
		const staff = locals.staff;
		if (!staff) return fail(403, { message: 'forbidden' });
		const form = await superValidate(request, zod4(bulkSchema));
		if (!form.valid) return fail(400, { bulkForm: form });
		const { ids, assignee, priority, status } = form.data;
		const changes: { assignee_id?: string | null; priority?: typeof priority } = {};
		if (assignee) changes.assignee_id = assignee === 'me' ? staff.userId : assignee === 'none' ? null : assignee;
		if (priority) changes.priority = priority;
		const changed = new Set<string>();
		if (Object.keys(changes).length > 0) {
			const { data } = await locals.supabase.from('feedback_items').update(changes).in('id', ids).select('id');
			for (const row of data ?? []) changed.add(row.id);
		}
		if (status) {
			const { data: transitions } = await locals.supabase.from('feedback_status_transitions').select('from_status').eq('to_status', status);
			const from = (transitions ?? []).map((row) => row.from_status);
			const { data } = await locals.supabase.from('feedback_items').update({ status }).in('id', ids).in('status', from).select('id');
			for (const row of data ?? []) changed.add(row.id);
		}
		return message(form, { done: changed.size, skipped: ids.length - changed.size });
	}
};
