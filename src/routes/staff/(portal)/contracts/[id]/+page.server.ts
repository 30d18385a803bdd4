import { organisationToday } from '$lib/format/date';
import { error, redirect } from '@sveltejs/kit';
import { superValidate, setError, fail, message } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { contractSchema, deliverySchema, conformitySchema } from '$lib/staff/contract-schema';
import type { ContractTiming } from '$lib/staff/contract-timing';
import { can } from '$lib/staff/permissions';
import { dbOutcome } from '$lib/server/db-outcome';
import { outcomeMessage } from '$lib/server/form-outcome';
import { requireConfirmation } from '$lib/server/confirm';
import { rememberNewLink } from '../../invitations/new-link-cookie';
import { staffRpc } from '../../invitations/staff-rpc.server';
import type { Tables } from '$lib/database.types';
import type { Actions, PageServerLoad } from './$types';

type ContractRow = Pick<
	Tables<'contracts'>,
	'id' | 'client_id' | 'reference' | 'title' | 'start_date' | 'due_date' | 'delivered_at' | 'conformity' | 'terms_notes'
> & {
	// A computed field (private.contract_timing through public.contract_timing(contracts)), typed as text: narrowed here.
	contract_timing: ContractTiming;
	client: Pick<Tables<'clients'>, 'id' | 'name' | 'account_manager_id'> | null;
};

async function loadContract(locals: App.Locals, id: string): Promise<ContractRow> {
	if (!z.uuid().safeParse(id).success) error(404, 'Not found');
	const { data } = await locals.supabase
		.from('contracts')
		.select(
			'id, client_id, reference, title, start_date, due_date, delivered_at, conformity, terms_notes, contract_timing, client:clients(id, name, account_manager_id)'
		)
		.eq('id', id)
		.maybeSingle()
		.overrideTypes<ContractRow, { merge: false }>();
	if (!data) error(404, 'Not found');
	return data;
}

/** The link the delivery just made, re-issued so its token can be shown; null when there is none (no such survey). */
async function issueDeliveryLink(locals: App.Locals, contractId: string) {
	const { data: invitation } = await locals.supabase
		.from('survey_invitations')
		.select('id')
		.eq('contract_id', contractId)
		.is('revoked_at', null)
		.eq('use_count', 0)
		.order('created_at', { ascending: false })
		.limit(1)
		.maybeSingle();
	if (!invitation) return null;
	const { data: token, error } = await staffRpc(locals.supabase, 'reissue_invitation_link', { p_invitation_id: invitation.id });
	return error || typeof token !== 'string' ? null : { invitationId: invitation.id, token };
}

function requireEditor(locals: App.Locals, contract: ContractRow) {
	if (!can.editForClient(locals.staff!, { accountManagerId: contract.client?.account_manager_id ?? null })) error(403, 'Forbidden');
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const contract = await loadContract(locals, params.id);
	const today = organisationToday();
	const { client, delivered_at, conformity, id, contract_timing, ...editable } = contract;
	return {
		contract,
		// The on-time rule lives in SQL (private.contract_timing), shared with the CCT indicator.
		timing: contract_timing,
		canEdit: can.editForClient(locals.staff!, { accountManagerId: client?.account_manager_id ?? null }),
		canDelete: can.delete(locals.staff!),
		// Counted for the delete step only: responses stay, without the contract.
		responseCount:
			can.delete(locals.staff!) && url.searchParams.get('confirm') === 'delete'
				? ((await locals.supabase.from('survey_responses').select('id', { count: 'exact', head: true }).eq('contract_id', contract.id))
						.count ?? 0)
				: null,
		form: await superValidate({ ...editable, terms_notes: editable.terms_notes ?? '' }, zod4(contractSchema), {
			id: 'contract',
			errors: false
		}),
		deliveryForm: await superValidate(
			{ delivered_on: delivered_at ? organisationToday(new Date(delivered_at)) : today },
			zod4(deliverySchema),
			{
				id: 'delivery',
				errors: false
			}
		),
		conformityForm: await superValidate({ conformity }, zod4(conformitySchema), { id: 'conformity', errors: false })
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const contract = await loadContract(locals, params.id);
		requireEditor(locals, contract);
		const form = await superValidate(request, zod4(contractSchema), { id: 'contract' });
		if (!form.valid) return fail(400, { form });
		const { client_id, terms_notes, ...changes } = form.data;
		const { data, error: dbError } = await locals.supabase
			.from('contracts')
			.update({ ...changes, terms_notes: terms_notes || null })
			.eq('id', contract.id)
			.select('id');
		const outcome = dbOutcome(dbError, data?.length);
		if (outcome === 'duplicate') return setError(form, 'reference', 'duplicate');
		return outcomeMessage(form, outcome);
	},
	deliver: async ({ request, locals, params, cookies }) => {
		const contract = await loadContract(locals, params.id);
		requireEditor(locals, contract);
		const form = await superValidate(request, zod4(deliverySchema), { id: 'delivery' });
		if (!form.valid) return fail(400, { form });
		// Noon UTC keeps the chosen calendar day whatever the viewer's time zone.
		const deliveredAt = `${form.data.delivered_on}T12:00:00Z`;
		const { data, error: dbError } = await locals.supabase
			.from('contracts')
			.update({ delivered_at: deliveredAt })
			.eq('id', contract.id)
			.select('id');
		const outcome = dbOutcome(dbError, data?.length);
		// A first delivery makes the contract-delivery survey's link (private.invite_after_delivery), whose token
		// nobody knows: issue it now and show it once, with copy, share and QR, on the link's page.
		if (outcome === 'ok' && !contract.delivered_at) {
			const shown = await issueDeliveryLink(locals, contract.id);
			if (shown) {
				rememberNewLink(cookies, shown.invitationId, shown.token);
				redirect(303, `/staff/invitations/${shown.invitationId}?done=delivered&contract=${contract.id}`);
			}
		}
		return outcomeMessage(form, outcome);
	},
	conformity: async ({ request, locals, params }) => {
		const contract = await loadContract(locals, params.id);
		requireEditor(locals, contract);
		const form = await superValidate(request, zod4(conformitySchema), { id: 'conformity' });
		if (!form.valid) return fail(400, { form });
		if (form.data.conformity !== 'pending' && !contract.delivered_at) return message(form, 'needs_delivery', { status: 400 });
		const { data, error: dbError } = await locals.supabase
			.from('contracts')
			.update({ conformity: form.data.conformity })
			.eq('id', contract.id)
			.select('id');
		const outcome = dbOutcome(dbError, data?.length);
		return outcomeMessage(form, outcome);
	},
	delete: async ({ locals, params, request, url }) => {
		const contract = await loadContract(locals, params.id);
		if (!can.delete(locals.staff!)) error(403, 'Forbidden');
		requireConfirmation(await request.formData(), url, 'delete');
		const { error: dbError } = await locals.supabase.from('contracts').delete().eq('id', contract.id);
		if (dbError) error(400, 'Could not delete');
		redirect(303, '/staff/contracts');
	}
};
