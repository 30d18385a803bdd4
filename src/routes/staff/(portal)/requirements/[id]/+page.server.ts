import { error, redirect } from '@sveltejs/kit';
import { superValidate, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { requirementSchema } from '$lib/staff/requirement-schema';
import { can } from '$lib/staff/permissions';
import { dbOutcome } from '$lib/server/db-outcome';
import { outcomeMessage } from '$lib/server/form-outcome';
import { requireConfirmation } from '$lib/server/confirm';
import type { Actions, PageServerLoad } from './$types';

type RequirementRow = Awaited<ReturnType<typeof loadRequirement>>;

async function loadRequirement(locals: App.Locals, id: string) {
	if (!z.uuid().safeParse(id).success) error(404, 'Not found');
	const { data } = await locals.supabase
		.from('requirements')
		.select('id, client_id, contract_id, statement, priority, status, source, client:clients(name, account_manager_id)')
		.eq('id', id)
		.maybeSingle();
	if (!data) error(404, 'Not found');
	return data;
}

const ownerOf = (requirement: RequirementRow) => ({ accountManagerId: requirement.client?.account_manager_id ?? null });

export const load: PageServerLoad = async ({ locals, params }) => {
	const requirement = await loadRequirement(locals, params.id);
	const { data: contracts } = await locals.supabase
		.from('contracts')
		.select('id, reference, client_id')
		.eq('client_id', requirement.client_id);
	const { client, id, ...values } = requirement;
	return {
		requirement,
		contracts: contracts ?? [],
		canEdit: can.editForClient(locals.staff!, ownerOf(requirement)),
		canDelete: can.delete(locals.staff!),
		form: await superValidate({ ...values, contract_id: values.contract_id ?? '' }, zod4(requirementSchema), { errors: false })
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const requirement = await loadRequirement(locals, params.id);
		if (!can.editForClient(locals.staff!, ownerOf(requirement))) error(403, 'Forbidden');
		const form = await superValidate(request, zod4(requirementSchema));
		if (!form.valid) return fail(400, { form });
		const { client_id, ...changes } = form.data;
		const { data, error: dbError } = await locals.supabase
			.from('requirements')
			.update({ ...changes, contract_id: changes.contract_id || null })
			.eq('id', requirement.id)
			.select('id');
		const outcome = dbOutcome(dbError, data?.length);
		return outcomeMessage(form, outcome);
	},
	delete: async ({ locals, params, request, url }) => {
		const requirement = await loadRequirement(locals, params.id);
		if (!can.delete(locals.staff!)) error(403, 'Forbidden');
		requireConfirmation(await request.formData(), url, 'delete');
		const { error: dbError } = await locals.supabase.from('requirements').delete().eq('id', requirement.id);
		if (dbError) error(400, 'Could not delete');
		redirect(303, '/staff/requirements');
	}
};
