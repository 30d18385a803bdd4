import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { can } from '$lib/staff/permissions';
import { dbOutcome } from '$lib/server/db-outcome';
import { loadAssignees, loadStaffNames } from '$lib/server/triage/inbox';
import { loadItem, loadTimeline } from './item.server';
import { linkSchema } from '$lib/actions/schemas';
import { canEditPlans } from '$lib/server/actions/plans';
import { assignMeSchema, mergeSchema, messageSchema, requirementSchema, statusSchema, triageSchema } from './item-schemas';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const item = await loadItem(locals.supabase, params.id);
	const supabase = locals.supabase;
	const [timeline, deadlines, calendar, transitions, assignees, names, duplicates, requirements, original, linkedPlans, openPlans] =
		await Promise.all([
			loadTimeline(supabase, item.id),
			supabase.rpc('feedback_item_deadlines', { p_item_id: item.id }),
			supabase.from('business_calendar').select('time_zone, day_starts_at, day_ends_at, working_days').eq('id', 1).maybeSingle(),
			supabase.from('feedback_status_transitions').select('to_status').eq('from_status', item.status),
			loadAssignees(supabase),
			loadStaffNames(supabase),
			item.client_id ? supabase.rpc('feedback_duplicate_candidates', { p_item_id: item.id }) : Promise.resolve({ data: [] }),
			supabase.from('requirements').select('id, statement, priority, status').eq('feedback_item_id', item.id),
			item.duplicate_of_id
				? supabase.from('feedback_items').select('id, subject').eq('id', item.duplicate_of_id).maybeSingle()
				: Promise.resolve({ data: null }),
			// Plans this item feeds, and those still taking complaints (for "add to an existing plan").
			supabase.from('action_plan_items').select('action_plans(id, title, status)').eq('feedback_item_id', item.id),
			supabase
				.from('action_plans')
				.select('id, title, status')
				.in('status', ['open', 'in_progress'])
				.order('created_at', { ascending: false })
				.limit(100)
		]);
	const linked = (linkedPlans.data ?? []).flatMap((row) => (row.action_plans ? [row.action_plans] : []));
	const staff = locals.staff!;
	return {
		item,
		timeline,
		lastEventId: timeline.at(-1)?.id ?? 0,
		deadlines: deadlines.data ?? [],
		calendar: calendar.data,
		transitions: (transitions.data ?? []).map((row) => row.to_status).filter((status) => status !== 'duplicate'),
		assignees,
		names,
		duplicates: duplicates.data ?? [],
		requirements: requirements.data ?? [],
		original: original.data,
		plans: {
			linked,
			open: (openPlans.data ?? []).filter((plan) => !linked.some((other) => other.id === plan.id)),
			canEdit: canEditPlans(staff.role)
		},
		me: staff.userId,
		canDocumentRequirement:
			item.client_id !== null && can.createForClient(staff, { accountManagerId: item.client?.account_manager_id ?? null })
	};
};

/** A write that found the item at another version: what happened since, and the version to confirm against. */
async function staleAnswer(event: RequestEvent, action: string, seenEvent: number, submitted: Record<string, unknown>) {
	const item = await loadItem(event.locals.supabase, event.params.id);
	const changes = await loadTimeline(event.locals.supabase, item.id, seenEvent);
	return fail(409, { stale: { action, version: item.version, lastEventId: changes.at(-1)?.id ?? seenEvent, changes, submitted } });
}

function refused(error: { code: string; message: string } | null) {
	const outcome = dbOutcome(error as Parameters<typeof dbOutcome>[0]);
	return fail(outcome === 'forbidden' ? 403 : outcome === 'unavailable' ? 503 : 400, { refused: outcome });
}

export const actions: Actions = {
	linkPlan: async (event) => {
		if (!event.locals.staff || !canEditPlans(event.locals.staff.role)) return fail(403, { refused: 'forbidden' });
		const form = await superValidate(event.request, zod4(linkSchema));
		if (!form.valid) return fail(400, { form });
		const { error } = await event.locals.supabase
			.from('action_plan_items')
			.insert({ plan_id: form.data.plan_id, feedback_item_id: event.params.id });
		if (error) return refused(error);
		redirect(303, `/staff/inbox/${event.params.id}`);
	},
	triage: async (event) => {
		if (!event.locals.staff) return fail(403, { refused: 'forbidden' });
		const form = await superValidate(event.request, zod4(triageSchema));
		if (!form.valid) return fail(400, { form });
		const { version, seen_event, ...changes } = form.data;
		const { data, error } = await event.locals.supabase
			.from('feedback_items')
			.update(changes)
			.eq('id', event.params.id)
			.eq('version', version)
			.select('id');
		if (error) return refused(error);
		if (!data?.length) return staleAnswer(event, 'triage', seen_event, form.data);
		redirect(303, `/staff/inbox/${event.params.id}`);
	},
	assignMe: async (event) => {
		const staff = event.locals.staff;
		if (!staff) return fail(403, { refused: 'forbidden' });
		const form = await superValidate(event.request, zod4(assignMeSchema));
		if (!form.valid) return fail(400, { form });
		const { data, error } = await event.locals.supabase
			.from('feedback_items')
			.update({ assignee_id: staff.userId })
			.eq('id', event.params.id)
			.eq('version', form.data.version)
			.select('id');
		if (error) return refused(error);
		if (!data?.length) return staleAnswer(event, 'assignMe', form.data.seen_event, form.data);
		redirect(303, `/staff/inbox/${event.params.id}`);
	},
	status: async (event) => {
		if (!event.locals.staff) return fail(403, { refused: 'forbidden' });
		const form = await superValidate(event.request, zod4(statusSchema));
		if (!form.valid) return fail(400, { form, statusTo: form.data.to });
		const { to, resolution_text, rejection_reason, version, seen_event } = form.data;
		const changes = {
			status: to,
			...(to === 'resolved' ? { resolution_text } : {}),
			...(to === 'rejected' ? { rejection_reason } : {})
		};
		const { data, error } = await event.locals.supabase
			.from('feedback_items')
			.update(changes)
			.eq('id', event.params.id)
			.eq('version', version)
			.select('id');
		if (error) return refused(error);
		if (!data?.length) return staleAnswer(event, 'status', seen_event, form.data);
		redirect(303, `/staff/inbox/${event.params.id}`);
	},
	message: async (event) => {
		if (!event.locals.staff) return fail(403, { refused: 'forbidden' });
		const form = await superValidate(event.request, zod4(messageSchema));
		if (!form.valid) return fail(400, { form, visibility: form.data.visibility });
		const { body, visibility, intent, version, seen_event } = form.data;
		// Without JavaScript, "Preview" comes back here and the page shows the reply as the client will.
		if (intent === 'preview') return { preview: { body, visibility } };
		const { data, error } = await event.locals.supabase.rpc('add_feedback_message', {
			p_item_id: event.params.id,
			p_body: body,
			p_is_public: visibility === 'public',
			p_expected_version: version
		});
		if (error) return refused(error);
		const outcome = (data as { outcome: string } | null)?.outcome;
		if (outcome === 'stale') return staleAnswer(event, 'message', seen_event, form.data);
		if (outcome !== 'ok') return fail(404, { refused: 'not_found' });
		redirect(303, `/staff/inbox/${event.params.id}`);
	},
	merge: async (event) => {
		if (!event.locals.staff) return fail(403, { refused: 'forbidden' });
		const form = await superValidate(event.request, zod4(mergeSchema));
		if (!form.valid) return fail(400, { form });
		const { data, error } = await event.locals.supabase
			.from('feedback_items')
			.update({ status: 'duplicate', duplicate_of_id: form.data.duplicate_of_id })
			.eq('id', event.params.id)
			.eq('version', form.data.version)
			.select('id');
		if (error) return refused(error);
		if (!data?.length) return staleAnswer(event, 'merge', form.data.seen_event, form.data);
		redirect(303, `/staff/inbox/${event.params.id}`);
	},
	requirement: async (event) => {
		const staff = event.locals.staff;
		const item = await loadItem(event.locals.supabase, event.params.id);
		if (!staff || !can.createForClient(staff, { accountManagerId: item.client?.account_manager_id ?? null }))
			return fail(403, { refused: 'forbidden' });
		const form = await superValidate(event.request, zod4(requirementSchema));
		if (!form.valid) return fail(400, { form });
		const { data, error } = await event.locals.supabase.rpc('create_requirement_from_feedback', {
			p_item_id: item.id,
			p_statement: form.data.statement,
			p_priority: form.data.priority
		});
		if (error || !data) return refused(error);
		redirect(303, `/staff/requirements/${data}`);
	}
};
