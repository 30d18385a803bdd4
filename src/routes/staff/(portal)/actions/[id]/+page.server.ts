import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { actionDoneSchema, actionSchema, analysisSchema, statusSchema, verifySchema } from '$lib/actions/schemas';
import { canEditPlans, loadOwners, loadPlan } from '$lib/server/actions/plans';
import { dbOutcome } from '$lib/server/db-outcome';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const [plan, owners] = await Promise.all([loadPlan(locals.supabase, params.id), loadOwners(locals.supabase)]);
	const names = Object.fromEntries(owners.actionOwners.map((person) => [person.user_id, person.full_name]));
	const otherVerifierExists = owners.planOwners.some((person) => person.user_id !== plan.plan.owner_id && person.role !== 'admin');
	return {
		...plan,
		names,
		actionOwners: owners.actionOwners,
		me: locals.staff!.userId,
		canEdit: canEditPlans(locals.staff!.role),
		otherVerifierExists
	};
};

// Every action starts with its authorization check; the database refuses anything that slips past it.
function guard(event: RequestEvent) {
	return event.locals.staff && canEditPlans(event.locals.staff.role) ? null : fail(403, { refused: 'forbidden' as const });
}

async function write(event: RequestEvent, run: () => PromiseLike<{ error: Parameters<typeof dbOutcome>[0] }>) {
	const { error } = await run();
	if (error) return fail(400, { refused: dbOutcome(error), detail: error.message.startsWith('the verdict differs') ? 'override' : null });
	redirect(303, `/staff/actions/${event.params.id}`);
}

export const actions: Actions = {
	analysis: async (event) => {
		const refused = guard(event);
		if (refused) return refused;
		const form = await superValidate(event.request, zod4(analysisSchema));
		if (!form.valid) return fail(400, { form });
		const { whys, cause_category, ...texts } = form.data;
		return write(event, () =>
			event.locals.supabase
				.from('action_plans')
				.update({
					immediate_correction: texts.immediate_correction || null,
					root_cause_text: texts.root_cause_text || null,
					root_cause_whys: whys.filter((why) => why !== ''),
					cause_category: cause_category || null
				})
				.eq('id', event.params.id)
		);
	},
	addAction: async (event) => {
		const refused = guard(event);
		if (refused) return refused;
		const form = await superValidate(event.request, zod4(actionSchema));
		if (!form.valid) return fail(400, { form });
		return write(event, () => event.locals.supabase.from('action_plan_actions').insert({ ...form.data, plan_id: event.params.id }));
	},
	actionDone: async (event) => {
		const refused = guard(event);
		if (refused) return refused;
		const form = await superValidate(event.request, zod4(actionDoneSchema));
		if (!form.valid) return fail(400, { form });
		return write(event, () =>
			event.locals.supabase
				.from('action_plan_actions')
				.update({ done_on: form.data.done_on })
				.eq('id', form.data.action_id)
				.eq('plan_id', event.params.id)
		);
	},
	status: async (event) => {
		const refused = guard(event);
		if (refused) return refused;
		const form = await superValidate(event.request, zod4(statusSchema));
		if (!form.valid) return fail(400, { form });
		return write(event, () => event.locals.supabase.from('action_plans').update({ status: form.data.to }).eq('id', event.params.id));
	},
	verify: async (event) => {
		const refused = guard(event);
		if (refused) return refused;
		const form = await superValidate(event.request, zod4(verifySchema));
		if (!form.valid) return fail(400, { form, refused: 'invalid' as const });
		return write(event, () =>
			event.locals.supabase
				.from('action_plans')
				.update({
					status: form.data.verdict,
					verified_on: form.data.verified_on,
					verification_note: form.data.note,
					override_reason: form.data.override_reason || null
				})
				.eq('id', event.params.id)
		);
	}
};
