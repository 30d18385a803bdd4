// One invitation as the staff screens show it (never its token: the database has only the hash).
import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';

export interface InvitationRow {
	id: string;
	kind: 'personal' | 'campaign';
	label: string | null;
	offers_survey: boolean;
	offers_complaint: boolean;
	offers_suggestion: boolean;
	max_uses: number | null;
	use_count: number;
	expires_at: string | null;
	revoked_at: string | null;
	created_at: string;
	/** bytea as PostgREST renders it: \x followed by hex. */
	token_hash: string;
	client: { name: string } | null;
	contract: { reference: string } | null;
	survey: { id: string; version: number; title: { es: string; en: string } } | null;
}

export const INVITATION_COLUMNS =
	'id, kind, label, offers_survey, offers_complaint, offers_suggestion, max_uses, use_count, expires_at, revoked_at, created_at, token_hash, ' +
	'client:clients(name), contract:contracts(reference), survey:surveys(id, version, title:definition->title)';

export async function loadInvitation(supabase: SupabaseClient, id: string): Promise<InvitationRow> {
	const { data, error: dbError } = await supabase.from('survey_invitations').select(INVITATION_COLUMNS).eq('id', id).maybeSingle();
	if (dbError?.code === '22P02' || (!dbError && !data)) error(404, 'Not found');
	if (dbError) error(503, 'Invitation unavailable');
	return data as unknown as InvitationRow;
}

/** Whether a raw token is the one this invitation holds now (compares SHA-256 hashes). */
export function holdsToken(invitation: InvitationRow, tokenHashHex: string): boolean {
	return invitation.token_hash.replace(/^\\x/, '').toLowerCase() === tokenHashHex;
}
