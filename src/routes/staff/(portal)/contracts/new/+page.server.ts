import { error, redirect } from '@sveltejs/kit';
import { superValidate, setError, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { contractSchema } from '$lib/staff/contract-schema';
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
	const preselected = clients.find((client) => client.id === url.searchParams.get('client'));
	const form = await superValidate({ client_id: preselected?.id ?? '' }, zod4(contractSchema), { errors: false });
	return { form, clients };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(contractSchema));
		if (!form.valid) return fail(400, { form });
		const owner = await clientOwner(locals.supabase, form.data.client_id);
		if (!owner || !can.createForClient(locals.staff!, owner)) return message(form, 'forbidden', { status: 403 });
		const { terms_notes, ...contract } = form.data;
		const { data, error: dbError } = await locals.supabase
			.from('contracts')
			.insert({ ...contract, terms_notes: terms_notes || null })
			.select('id')
			.single();
		const outcome = dbOutcome(dbError);
		if (outcome === 'duplicate') return setError(form, 'reference', 'duplicate');
		if (outcome !== 'ok' || !data) return message(form, outcome, { status: 400 });
		redirect(303, `/staff/contracts/${data.id}`);
	}
};
