import { error, redirect } from '@sveltejs/kit';
import { superValidate, setError, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { clientSchema, toClientRow } from '$lib/staff/client-schema';
import { can } from '$lib/staff/permissions';
import { listAccountManagers } from '$lib/server/account-managers';
import { dbOutcome } from '$lib/server/db-outcome';
import { outcomeMessage } from '$lib/server/form-outcome';
import { requireConfirmation } from '$lib/server/confirm';
import { loadStaffNames } from '$lib/server/triage/inbox';
import { loadRelationship } from './relationship.server';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.uuid();

async function loadClient(locals: App.Locals, id: string) {
	if (!idSchema.safeParse(id).success) error(404, 'Not found');
	const { data } = await locals.supabase
		.from('clients')
		.select(
			`id, name, tax_id, sector, contact_name, contact_email, contact_phone, account_manager_id, archived_at,
			contracts(id, reference, title, due_date, delivered_at, conformity),
			requirements(id, statement, priority, status, created_at, action_plan_id, feedback_item_id)`
		)
		.eq('id', id)
		.maybeSingle();
	// RLS hides what the role may not read: to the caller it does not exist.
	if (!data) error(404, 'Not found');
	return data;
}

/** What goes with a client, for the delete step: counted, not loaded. */
async function countHistory(locals: App.Locals, clientId: string) {
	const count = async (table: 'survey_invitations' | 'survey_responses' | 'feedback_items') => {
		const { count: rows } = await locals.supabase.from(table).select('id', { count: 'exact', head: true }).eq('client_id', clientId);
		return rows ?? 0;
	};
	const [links, responses, feedback] = await Promise.all([count('survey_invitations'), count('survey_responses'), count('feedback_items')]);
	return { links, responses, feedback };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const client = await loadClient(locals, params.id);
	const staff = locals.staff!;
	const owner = { accountManagerId: client.account_manager_id };
	const { contracts, requirements, id, archived_at, ...fields } = client;
	const canDelete = can.delete(staff);
	const values = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value ?? '']));
	const [relationship, names] = await Promise.all([loadRelationship(locals.supabase, client.id), loadStaffNames(locals.supabase)]);
	return {
		client,
		relationship,
		names,
		form: await superValidate(values, zod4(clientSchema), { errors: false }),
		accountManagers: can.assignAccountManager(staff) ? await listAccountManagers(locals.supabase) : [],
		canEdit: can.editClient(staff, owner),
		canAssign: can.assignAccountManager(staff),
		canDelete,
		canArchive: can.archiveClient(staff, owner),
		// Only counted when the delete step is open.
		history: canDelete && url.searchParams.get('confirm') === 'delete' ? await countHistory(locals, client.id) : null,
		notice: url.searchParams.get('done'),
		canAddRecords: can.createForClient(staff, owner)
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const client = await loadClient(locals, params.id);
		const staff = locals.staff!;
		if (!can.editClient(staff, { accountManagerId: client.account_manager_id })) error(403, 'Forbidden');
		const form = await superValidate(request, zod4(clientSchema));
		if (!form.valid) return fail(400, { form });
		const changes = toClientRow(form.data);
		// Only managers and admins hand a client to someone else.
		if (!can.assignAccountManager(staff)) changes.account_manager_id = client.account_manager_id;
		const { data, error: dbError } = await locals.supabase.from('clients').update(changes).eq('id', client.id).select('id');
		const outcome = dbOutcome(dbError, data?.length);
		if (outcome === 'duplicate') return setError(form, 'tax_id', 'duplicate');
		return outcomeMessage(form, outcome);
	},
	archive: async ({ locals, params, request }) => {
		const client = await loadClient(locals, params.id);
		if (!can.archiveClient(locals.staff!, { accountManagerId: client.account_manager_id })) error(403, 'Forbidden');
		const archive = (await request.formData()).get('archive') !== 'restore';
		const { data, error: dbError } = await locals.supabase
			.from('clients')
			.update({ archived_at: archive ? new Date().toISOString() : null })
			.eq('id', client.id)
			.select('id');
		if (dbOutcome(dbError, data?.length) !== 'ok') error(400, 'Could not archive');
		redirect(303, `/staff/clients/${client.id}?done=${archive ? 'archived' : 'restored'}`);
	},
	delete: async ({ locals, params, request, url }) => {
		const client = await loadClient(locals, params.id);
		if (!can.delete(locals.staff!)) error(403, 'Forbidden');
		// Only the confirm step, which says what goes with the client, sends the confirmation.
		requireConfirmation(await request.formData(), url, 'delete');
		const { error: dbError } = await locals.supabase.from('clients').delete().eq('id', client.id);
		if (dbError) error(400, 'Could not delete');
		redirect(303, '/staff/clients');
	}
};
