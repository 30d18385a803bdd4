import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { planSchema, quarterStart, QUARTER_PATTERN } from '$lib/actions/schemas';
import { canEditPlans, loadOwners } from '$lib/server/actions/plans';
import { dbOutcome } from '$lib/server/db-outcome';
import type { Actions, PageServerLoad } from './$types';

// Prefills from a complaint's page (?item=<id>, repeatable) or from a quarter below target on the
// dashboard (?origin=indicator&indicator=cct|sc&quarter=YYYY-Qn).
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
	const prefill = {
		title: items?.[0]?.subject ?? '',
		owner_id: locals.staff!.userId,
		origins: indicator && quarter ? (['indicator'] as const) : (['complaint'] as const),
		indicator: quarter ? indicator : ('' as const),
		quarter,
		check_kind: quarter ? ('indicator_next_quarter' as const) : ('no_repeat_complaint' as const),
		item_ids: (items ?? []).map((item) => item.id)
	};
	const form = await superValidate({ ...prefill, origins: [...prefill.origins] }, zod4(planSchema), { errors: false });
	const { planOwners } = await loadOwners(locals.supabase);
	return { form, items: items ?? [], owners: planOwners };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		if (!canEditPlans(locals.staff!.role)) return fail(403, { refused: 'forbidden' });
		const form = await superValidate(request, zod4(planSchema));
		if (!form.valid) return fail(400, { form });
		const { item_ids, quarter, indicator, ...plan } = form.data;
		const { data, error: dbError } = await locals.supabase
			.from('action_plans')
			.insert({
				...plan,
				indicator: indicator || null,
				indicator_quarter: quarter ? quarterStart(quarter) : null,
				origin_note: plan.origin_note || null,
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
