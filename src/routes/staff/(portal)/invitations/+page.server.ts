import { error } from '@sveltejs/kit';
import { invitationStatus } from './invitation-status.ts';
import { INVITATION_COLUMNS, type InvitationRow } from './invitation-row.server.ts';
import type { PageServerLoad } from './$types';

// The newest first; older links are found by their label in a later search feature.
const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ locals }) => {
	const { data, error: dbError } = await locals.supabase
		.from('survey_invitations')
		.select(INVITATION_COLUMNS)
		.order('created_at', { ascending: false })
		.limit(PAGE_SIZE);
	if (dbError) error(503, 'Invitations unavailable');
	const invitations = (data as unknown as InvitationRow[]).map(({ token_hash: _hash, ...row }) => ({
		...row,
		status: invitationStatus(row)
	}));
	return { invitations };
};
