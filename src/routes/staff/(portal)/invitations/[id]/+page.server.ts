import { fail, redirect } from '@sveltejs/kit';
import { dbOutcome } from '$lib/server/db-outcome';
import { requireConfirmation } from '$lib/server/confirm';
import { issuedLink } from '$lib/server/qr/issued-link';
import { sha256Hex } from '$lib/server/tokens';
import { invitationStatus } from '../invitation-status.ts';
import { holdsToken, loadInvitation } from '../invitation-row.server.ts';
import { rememberNewLink, takeNewLink } from '../new-link-cookie.ts';
import { staffRpc } from '../staff-rpc.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, cookies, url }) => {
	const invitation = await loadInvitation(locals.supabase, params.id);
	// The link is shown on the first view after it was issued, and never again.
	const token = takeNewLink(cookies, params.id);
	const issued = token && holdsToken(invitation, sha256Hex(token)) ? { token, ...(await issuedLink(token, url)) } : null;
	const { token_hash: _hash, ...shown } = invitation;
	// Each e-mail send of this link (from the bulk screen), newest first: a failed one shows here.
	const { data: sends } = await locals.supabase
		.from('invitation_sends')
		.select('id, recipient, status, last_error, created_at')
		.eq('invitation_id', params.id)
		.order('created_at', { ascending: false });
	const contract = url.searchParams.get('contract');
	return {
		invitation: shown,
		status: invitationStatus(invitation),
		issued,
		notice: url.searchParams.get('done'),
		sends: sends ?? [],
		// After a delivery, the way back to the contract it was made for.
		fromContract: contract && contract === invitation.contract_id ? contract : null
	};
};

export const actions: Actions = {
	// Every staff role that can see the invitation may revoke it; RLS decides which rows that is.
	revoke: async ({ locals, params, request, url }) => {
		if (!locals.staff) return fail(403);
		// Irreversible: only the confirm step sends the confirmation.
		requireConfirmation(await request.formData(), url, 'revoke');
		const { data, error } = await locals.supabase
			.from('survey_invitations')
			.update({ revoked_at: new Date().toISOString() })
			.eq('id', params.id)
			.is('revoked_at', null)
			.select('id');
		const outcome = dbOutcome(error, data?.length);
		if (outcome !== 'ok') return fail(outcome === 'unavailable' ? 503 : 400, { actionError: outcome });
		redirect(303, `/staff/invitations/${params.id}?done=revoked`);
	},

	reissue: async ({ locals, params, cookies }) => {
		if (!locals.staff) return fail(403);
		const { data, error } = await staffRpc(locals.supabase, 'reissue_invitation_link', { p_invitation_id: params.id });
		// P0002: revoked meanwhile, or not an invitation this staff member may edit.
		const outcome = error?.code === 'P0002' ? 'not_found' : dbOutcome(error);
		if (outcome !== 'ok' || typeof data !== 'string') return fail(outcome === 'unavailable' ? 503 : 400, { actionError: outcome });
		rememberNewLink(cookies, params.id, data);
		redirect(303, `/staff/invitations/${params.id}?done=reissued`);
	}
};
