import { organisationToday } from '$lib/format/date';
import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { dbOutcome } from '$lib/server/db-outcome';
import type { NewInvitation } from '$lib/feedback/rpc-types';
import { staffRpc } from '../staff-rpc.server.ts';
import { clientChoices, contractChoices, surveyChoices } from '../choices.server.ts';
import { rememberNewLink } from '../new-link-cookie.ts';
import { expiresAt, invitationSchema } from './schema.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const kind = url.searchParams.get('kind') === 'campaign' ? 'campaign' : 'personal';
	const [surveys, clients, contracts] = await Promise.all([
		surveyChoices(locals.supabase),
		clientChoices(locals.supabase),
		contractChoices(locals.supabase)
	]);
	const form = await superValidate({ kind }, zod4(invitationSchema), { errors: false });
	return { form, surveys, clients, contracts };
};

export const actions: Actions = {
	// Every staff role may hand out links; RLS narrows account managers to their own clients.
	create: async ({ locals, request, cookies }) => {
		if (!locals.staff) return fail(403);
		const form = await superValidate(request, zod4(invitationSchema));
		if (!form.valid) return fail(400, { form });
		const today = organisationToday();
		if (form.data.expiresOn && form.data.expiresOn < today) return setError(form, 'expiresOn', 'expiry_past');

		const { kind, surveyId, offersComplaint, offersSuggestion, clientId, contractId, maxUses, expiresOn, label } = form.data;
		const invitation: NewInvitation = {
			kind,
			survey_id: surveyId || null,
			offers_complaint: offersComplaint,
			offers_suggestion: offersSuggestion,
			client_id: clientId || null,
			contract_id: contractId || null,
			max_uses: maxUses ?? null,
			expires_at: expiresAt(expiresOn),
			label: label || null
		};
		const { data, error } = await staffRpc(locals.supabase, 'create_invitation', { p_invitation: invitation });
		if (error) {
			const outcome = dbOutcome(error);
			return message(form, outcome === 'unavailable' ? 'unavailable' : 'refused', { status: outcome === 'unavailable' ? 503 : 400 });
		}
		rememberNewLink(cookies, data!.id, data!.token);
		redirect(303, `/staff/invitations/${data!.id}`);
	}
};
