import { error, redirect } from '@sveltejs/kit';
import { superValidate, setError, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { clientSchema, toClientRow } from '$lib/staff/client-schema';
import { can } from '$lib/staff/permissions';
import { listAccountManagers } from '$lib/server/account-managers';
import { dbOutcome } from '$lib/server/db-outcome';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!can.createClient(locals.staff!)) error(403, 'Forbidden');
	return { form: await superValidate(zod4(clientSchema)), accountManagers: await listAccountManagers(locals.supabase) };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		if (!can.createClient(locals.staff!)) error(403, 'Forbidden');
		const form = await superValidate(request, zod4(clientSchema));
		if (!form.valid) return fail(400, { form });
		const { data, error: dbError } = await locals.supabase.from('clients').insert(toClientRow(form.data)).select('id').single();
		const outcome = dbOutcome(dbError);
		if (outcome === 'duplicate') return setError(form, 'tax_id', 'duplicate');
		if (outcome !== 'ok' || !data) return message(form, outcome, { status: outcome === 'forbidden' ? 403 : 400 });
		redirect(303, `/staff/clients/${data.id}`);
	}
};
