import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { planSchema, quarterStart, QUARTER_PATTERN } from '$lib/actions/schemas';
import { canEditPlans, loadOwners } from '$lib/server/actions/plans';
import { dbOutcome } from '$lib/server/db-outcome';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

// Prefills from a complaint's page (?item=<id>, repeatable), from a quarter below target on the
// dashboard (?origin=indicator&indicator=cct|sc&quarter=YYYY-Qn), or from a management review's decision
// (?origin=review_decision&decision=<id>).
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!canEditPlans(locals.staff!.role)) error(403, 'Forbidden');
	const params = url.searchParams;
	const itemIds = params.getAll('item').filter((id) => /^[0-9a-f-]{36}$/i.test(id));
	const { data: items } = itemIds.length
		? await locals.supabase.from('feedback_items').select('id, subject, category, client_id, clients(name)').in('id', itemIds)
		: { data: [] };
	const named = params.get('indicator');
	const indicator: '' | 'cct' | 'sc' = params.get('origin') === 'indicator' && (named === 'cct' || named === 'sc') ? named : '';
	const quarter = indicator && QUARTER_PATTERN.test(params.get('quarter') ?? '') ? params.get('quarter')! : '';
	const decision = await loadDecision(locals, params);
	const { planOwners } = await loadOwners(locals.supabase);
	const decisionOwner = planOwners.find((owner) => owner.user_id === decision?.owner_id)?.user_id;
	const prefill = {
		title: decision?.description.slice(0, 200) ?? items?.[0]?.subject ?? '',
		owner_id: decisionOwner ?? locals.staff!.userId,
		origins: decision ? (['internal_observation'] as const) : indicator && quarter ? (['indicator'] as const) : (['complaint'] as const),
		origin_note: decision ? m.ac_from_decision({ quarter: decision.quarter, description: decision.description }).slice(0, 2000) : '',
		review_decision_id: decision?.id ?? '',
		indicator: quarter ? indicator : ('' as const),
		quarter,
		check_kind: quarter ? ('indicator_next_quarter' as const) : ('no_repeat_complaint' as const),
		item_ids: (items ?? []).map((item) => item.id)
	};
	const form = await superValidate({ ...prefill, origins: [...prefill.origins] }, zod4(planSchema), { errors: false });
	return { form, items: items ?? [], owners: planOwners, decision };
};

async function loadDecision(locals: App.Locals, params: URLSearchParams) {
	const id = params.get('decision') ?? '';
	if (params.get('origin') !== 'review_decision' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
	const { data } = await locals.supabase
		.from('review_decisions')
		.select('id, description, owner_id, review:management_reviews(quarter)')
		.eq('id', id)
		.maybeSingle();
	if (!data?.review) return null;
	const start = new Date(`${data.review.quarter}T00:00:00Z`);
	return { ...data, quarter: `${start.getUTCFullYear()}-Q${Math.floor(start.getUTCMonth() / 3) + 1}` };
}

export const actions: Actions = {
	save: async ({ request, locals }) => {
		if (!canEditPlans(locals.staff!.role)) return fail(403, { refused: 'forbidden' });
		const form = await superValidate(request, zod4(planSchema));
		if (!form.valid) return fail(400, { form });
		const { item_ids, quarter, indicator, review_decision_id, ...plan } = form.data;
		const { data, error: dbError } = await locals.supabase
			.from('action_plans')
			.insert({
				...plan,
				indicator: indicator || null,
				indicator_quarter: quarter ? quarterStart(quarter) : null,
				origin_note: plan.origin_note || null,
				review_decision_id: review_decision_id || null,
				immediate_correction: plan.immediate_correction || null
			})
			.select('id')
			.single();
		if (dbError || !data) return fail(400, { form, refused: dbOutcome(dbError) });
		if (item_ids.length) {
			const linked = await locals.supabase
				.from('action_plan_items')
				.insert(item_ids.map((id) => ({ plan_id: data.id, feedback_item_id: id })));
			if (linked.error) return fail(400, { form, refused: dbOutcome(linked.error) });
		}
		redirect(303, `/staff/actions/${data.id}`);
	}
};
