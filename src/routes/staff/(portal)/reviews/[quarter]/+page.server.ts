import { error, redirect } from '@sveltejs/kit';
import { superValidate, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { can } from '$lib/staff/permissions';
import { conclusionsSchema, decisionSchema, decisionStateSchema } from '../schema';
import { loadReview, quarterStart } from './review.server';
import { canEditPlans } from '$lib/server/actions/plans';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!can.readReviews(locals.staff!)) error(403, 'Forbidden');
	const loaded = await loadReview(locals, params.quarter);
	const decisionIds = [...loaded.decisions, ...loaded.previousDecisions].map((decision) => decision.id);
	const [{ data: staff }, { data: plans }] = await Promise.all([
		locals.supabase.from('staff_members').select('user_id, full_name').eq('active', true).order('full_name'),
		decisionIds.length
			? locals.supabase.from('action_plans').select('id, title, review_decision_id').in('review_decision_id', decisionIds)
			: Promise.resolve({ data: [] as { id: string; title: string; review_decision_id: string | null }[] })
	]);
	const decisionPlans: Record<string, { id: string; title: string }[]> = {};
	for (const plan of plans ?? []) (decisionPlans[plan.review_decision_id!] ??= []).push({ id: plan.id, title: plan.title });
	return {
		...loaded,
		decisionPlans,
		canCreatePlans: canEditPlans(locals.staff!.role),
		staffNames: Object.fromEntries((staff ?? []).map((member) => [member.user_id, member.full_name])),
		canWrite: can.writeReviews(locals.staff!),
		conclusionsForm: await superValidate({ conclusions: loaded.review?.conclusions ?? '' }, zod4(conclusionsSchema), {
			id: 'conclusions',
			errors: false
		}),
		decisionForm: await superValidate(zod4(decisionSchema), { id: 'decision' })
	};
};

function requireWriter(locals: App.Locals) {
	if (!can.writeReviews(locals.staff!)) error(403, 'Forbidden');
}

/** The review of the quarter, started on first write. */
async function reviewId(locals: App.Locals, label: string): Promise<string> {
	const quarter = quarterStart(label);
	const existing = await locals.supabase.from('management_reviews').select('id').eq('quarter', quarter).maybeSingle();
	if (existing.data) return existing.data.id;
	const created = await locals.supabase.from('management_reviews').insert({ quarter }).select('id').single();
	if (created.error) error(403, 'Forbidden');
	return created.data.id;
}

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		requireWriter(locals);
		const form = await superValidate(request, zod4(conclusionsSchema), { id: 'conclusions' });
		if (!form.valid) return fail(400, { form });
		const id = await reviewId(locals, params.quarter);
		const { data } = await locals.supabase
			.from('management_reviews')
			.update({ conclusions: form.data.conclusions })
			.eq('id', id)
			.select('id');
		if (!data?.length) return message(form, 'approved', { status: 400 });
		redirect(303, `/staff/reviews/${params.quarter}`);
	},
	decide: async ({ request, locals, params }) => {
		requireWriter(locals);
		const form = await superValidate(request, zod4(decisionSchema), { id: 'decision' });
		if (!form.valid) return fail(400, { form });
		const id = await reviewId(locals, params.quarter);
		const { error: dbError } = await locals.supabase.from('review_decisions').insert({
			review_id: id,
			description: form.data.description,
			owner_id: form.data.owner_id ?? null,
			due_date: form.data.due_date ?? null
		});
		if (dbError) return message(form, 'approved', { status: 400 });
		redirect(303, `/staff/reviews/${params.quarter}#decisions`);
	},
	setState: async ({ request, locals, params }) => {
		requireWriter(locals);
		const form = await superValidate(request, zod4(decisionStateSchema));
		if (!form.valid) return fail(400, { form });
		await locals.supabase.from('review_decisions').update({ state: form.data.state }).eq('id', form.data.decision_id);
		redirect(303, `/staff/reviews/${params.quarter}#decisions`);
	},
	approve: async ({ locals, params }) => {
		requireWriter(locals);
		const id = await reviewId(locals, params.quarter);
		const { error: dbError } = await locals.supabase.rpc('approve_review', { p_review_id: id });
		if (dbError) return fail(400, { approveError: dbError.message.includes('ended') ? 'not_ended' : 'refused' });
		redirect(303, `/staff/reviews/${params.quarter}`);
	}
};
