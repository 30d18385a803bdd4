// One invitation as the staff screens show it (never its token: the database has only the hash).
import { error } from '@sveltejs/kit';
import type { QueryData, SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { LocalizedText } from '$lib/feedback/survey-definition';

const INVITATION_COLUMNS = `id, kind, label, offers_survey, offers_complaint, offers_suggestion, max_uses, uses, expires_at, revoked_at,
	created_at, token_hash, contract_id, client:clients(name), contract:contracts(reference), survey:surveys(id, version, title:definition->title)`;

/** The invitations this staff member may see, with the columns every screen shows; the caller narrows it. */
export const selectInvitations = (supabase: SupabaseClient<Database>) => supabase.from('survey_invitations').select(INVITATION_COLUMNS);

type SelectedRow = QueryData<ReturnType<typeof selectInvitations>>[number];
type SelectedSurvey = NonNullable<SelectedRow['survey']>;

/** token_hash is bytea as PostgREST renders it: \x followed by hex. */
export type InvitationRow = Omit<SelectedRow, 'survey'> & { survey: (Omit<SelectedSurvey, 'title'> & { title: LocalizedText }) | null };

/** A stored definition's title is a LocalizedText: the database validated it (private.survey_definition_problem). */
export const toInvitationRow = (row: SelectedRow): InvitationRow => ({
	...row,
	survey: row.survey && { ...row.survey, title: row.survey.title as LocalizedText }
});

export async function loadInvitation(supabase: SupabaseClient<Database>, id: string): Promise<InvitationRow> {
	const { data, error: dbError } = await selectInvitations(supabase).eq('id', id).maybeSingle();
	if (dbError?.code === '22P02' || (!dbError && !data)) error(404, 'Not found');
	if (dbError || !data) error(503, 'Invitation unavailable');
	return toInvitationRow(data);
}

/** Whether a raw token is the one this invitation holds now (compares SHA-256 hashes). */
export function holdsToken(invitation: InvitationRow, tokenHashHex: string): boolean {
	return invitation.token_hash.replace(/^\\x/, '').toLowerCase() === tokenHashHex;
}
