import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { dbOutcome } from '$lib/server/db-outcome';
import { issuedLink } from '$lib/server/qr/issued-link';
import type { NewInvitation } from '$lib/feedback/rpc-types';
import { staffRpc } from '../staff-rpc.server.ts';
import type { SheetCard } from '$lib/components/qr/sheet-card';
import { surveyChoices } from '../choices.server.ts';
import { expiresAt } from '../new/schema.ts';
import { readBulkForm } from './read-bulk-form.server.ts';
import type { MatchedRow } from './match-clients.ts';
import { bulkSchema } from './schema.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return { form: await superValidate(zod4(bulkSchema)), surveys: await surveyChoices(locals.supabase) };
};

export const actions: Actions = {
	preview: async ({ locals, request }) => {
		if (!locals.staff) return fail(403);
		const { form, rows } = await readBulkForm(request, locals.supabase);
		if (!rows) return fail(400, { form });
		return { form, preview: rows };
	},

	// Matches again on the server (the preview is not trusted) and creates links for the matched rows only.
	create: async ({ locals, request, url }) => {
		if (!locals.staff) return fail(403);
		const { form, rows } = await readBulkForm(request, locals.supabase);
		if (!rows) return fail(400, { form });
		const matched = rows.filter((row): row is Extract<MatchedRow, { matched: true }> => row.matched);
		if (matched.length === 0) return message(form, 'none_matched', { status: 400 });

		const { surveyId, offersComplaint, offersSuggestion } = form.data as {
			surveyId: string;
			offersComplaint: boolean;
			offersSuggestion: boolean;
		};
		const invitations: NewInvitation[] = matched.map((row) => ({
			kind: 'personal',
			survey_id: surveyId || null,
			offers_complaint: offersComplaint,
			offers_suggestion: offersSuggestion,
			client_id: row.clientId,
			contract_id: row.contractId,
			expires_at: row.expiresOn ? expiresAt(row.expiresOn) : null
		}));
		const { data, error } = await staffRpc(locals.supabase, 'create_invitations', { p_invitations: invitations });
		if (error) {
			const outcome = dbOutcome(error);
			return message(form, outcome === 'unavailable' ? 'unavailable' : 'refused', { status: outcome === 'unavailable' ? 503 : 400 });
		}
		// The answer keeps the order of the rows, so row i made token i.
		const created = data!;
		const cards: SheetCard[] = await Promise.all(
			created.map(async ({ id, token }, i) => {
				const { link, svgDataUrl } = await issuedLink(token, url);
				return { id, clientName: matched[i].clientName, detail: matched[i].input.contractReference, link, token, svgDataUrl };
			})
		);
		return { form, created: cards, unmatched: rows.length - matched.length };
	}
};
