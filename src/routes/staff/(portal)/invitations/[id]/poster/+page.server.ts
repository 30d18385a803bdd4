// The A4 poster needs the raw token, which only the result page has: it posts it here, and the
// token is checked against the stored hash so a poster can only ever show the invitation's real link.
import { fail } from '@sveltejs/kit';
import { env } from '$env/dynamic/public';
import { issuedLink } from '$lib/server/qr/issued-link';
import { sha256Hex, TOKEN_PATTERN } from '$lib/server/tokens';
import { m } from '$lib/paraglide/messages.js';
import { holdsToken, loadInvitation } from '../../invitation-row.server.ts';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		if (!locals.staff) return fail(403);
		const token = (await request.formData()).get('token');
		const invitation = await loadInvitation(locals.supabase, params.id);
		if (typeof token !== 'string' || !TOKEN_PATTERN.test(token) || !holdsToken(invitation, sha256Hex(token))) {
			return fail(400, { mismatch: true });
		}
		const { link, svgDataUrl } = await issuedLink(token, url);
		// No organisation table yet: the name comes from configuration, else the portal's own name.
		const organisation = env.PUBLIC_ORGANISATION_NAME?.trim() || m.app_name();
		return { poster: { organisation, link, svgDataUrl, label: invitation.label } };
	}
};
