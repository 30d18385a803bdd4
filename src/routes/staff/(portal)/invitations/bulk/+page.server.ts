import { fail } from '@sveltejs/kit';
import { z } from 'zod';
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
		const emails = await contactEmails(
			locals.supabase,
			matched.map((row) => row.clientId)
		);
		const cards: BulkCard[] = await Promise.all(
			created.map(async ({ id, token }, i) => {
				const { link, svgDataUrl } = await issuedLink(token, url);
				const detail = matched[i].input.contractReference;
				return { id, clientName: matched[i].clientName, detail, link, token, svgDataUrl, email: emails.get(matched[i].clientId) ?? null };
			})
		);
		return { form, created: cards, unmatched: rows.length - matched.length };
	},

	// One e-mail per link to its client's contact address, through the outbox; each send is recorded on the link.
	// The page posts back the links it was just shown (the raw tokens exist nowhere else); the database checks each
	// token against its invitation.
	send: async ({ locals, request, url }) => {
		if (!locals.staff) return fail(403);
		const posted = sentCardsSchema.safeParse(JSON.parse(String((await request.formData()).get('cards') ?? '[]')));
		if (!posted.success || posted.data.length === 0) return fail(400, { sendError: 'refused' as const });
		const { data, error } = await locals.supabase.rpc('send_invitation_links', {
			p_links: posted.data.map(({ id, token }) => ({ id, token }))
		});
		if (error) return fail(dbOutcome(error) === 'unavailable' ? 503 : 400, { sendError: dbOutcome(error) });
		const sends = data as { invitationId: string; recipient: string | null; status: 'pending' | 'failed' }[];
		const cards: BulkCard[] = await Promise.all(posted.data.map(async (card) => ({ ...card, ...(await issuedLink(card.token, url)) })));
		return { form: await superValidate(zod4(bulkSchema)), created: cards, sends, unmatched: 0 };
	}
};

type BulkCard = SheetCard & { email: string | null };

const sentCardsSchema = z
	.array(
		z.object({
			id: z.uuid(),
			token: z.string().min(1).max(200),
			clientName: z.string().max(200),
			detail: z.string().max(200).nullable(),
			email: z.string().max(320).nullable()
		})
	)
	.max(500);

async function contactEmails(supabase: App.Locals['supabase'], clientIds: string[]): Promise<Map<string, string>> {
	const { data } = await supabase
		.from('clients')
		.select('id, contact_email')
		.in('id', [...new Set(clientIds)]);
	return new Map((data ?? []).filter((row) => row.contact_email).map((row) => [row.id, row.contact_email!]));
}
