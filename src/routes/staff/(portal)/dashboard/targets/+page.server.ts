import { error, redirect } from '@sveltejs/kit';
import { superValidate, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { can } from '$lib/staff/permissions';
import { quarterStartOf, targetSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!can.seeIndicators(locals.staff!)) error(403, 'Forbidden');
	const { data } = await locals.supabase
		.from('indicator_targets')
		.select('id, indicator, valid_from, target_percent, updated_at')
		.order('valid_from');
	return {
		targets: data ?? [],
		canEdit: can.editTargets(locals.staff!),
		form: await superValidate(zod4(targetSchema))
	};
};

export const actions: Actions = {
	set: async ({ request, locals }) => {
		if (!can.editTargets(locals.staff!)) error(403, 'Forbidden');
		const form = await superValidate(request, zod4(targetSchema));
		if (!form.valid) return fail(400, { form });
		const validFrom = quarterStartOf(form.data.valid_from);
		// One target per indicator and quarter: a second one for the same quarter corrects the first.
		const existing = await locals.supabase
			.from('indicator_targets')
			.select('id')
			.eq('indicator', form.data.indicator)
			.eq('valid_from', validFrom)
			.maybeSingle();
		const { error: dbError } = existing.data
			? await locals.supabase.from('indicator_targets').update({ target_percent: form.data.target_percent }).eq('id', existing.data.id)
			: await locals.supabase
					.from('indicator_targets')
					.insert({ indicator: form.data.indicator, valid_from: validFrom, target_percent: form.data.target_percent });
		if (dbError) return message(form, 'refused', { status: 400 });
		redirect(303, '/staff/dashboard/targets');
	}
};
