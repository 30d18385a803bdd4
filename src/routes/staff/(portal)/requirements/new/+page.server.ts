import { error, redirect } from '@sveltejs/kit';
import { superValidate, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { requirementSchema } from '$lib/staff/requirement-schema';
import { can } from '$lib/staff/permissions';
import { clientOwner, listVisibleClients } from '$lib/server/load-owner';
import { dbOutcome } from '$lib/server/db-outcome';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = locals.staff!;
	const clients = (await listVisibleClients(locals.supabase)).filter((client) =>
		can.createForClient(staff, { accountManagerId: client.account_manager_id })
	);
	if (clients.length === 0) error(403, 'Forbidden');
	const { data: contracts } = await locals.supabase.from('contracts').select('id, reference, client_id').order('reference');
	const preselected = clients.find((client) => client.id === url.searchParams.get('client'));
	const form = await superValidate({ client_id: preselected?.id ?? '' }, zod4(requirementSchema), { errors: false });
	return { form, clients, contracts: contracts ?? [] };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(requirementSchema));
		if (!form.valid) return fail(400, { form });
		const owner = await clientOwner(locals.supabase, form.data.client_id);
		if (!owner || !can.createForClient(locals.staff!, owner)) return message(form, 'forbidden', { status: 403 });
		const { data, error: dbError } = await locals.supabase
			.from('requirements')
			.insert({ ...form.data, contract_id: form.data.contract_id || null })
			.select('id')
			.single();
		const outcome = dbOutcome(dbError);
		if (outcome !== 'ok' || !data) return message(form, outcome, { status: 400 });
		redirect(303, `/staff/requirements/${data.id}`);
	}
};
