import { error } from '@sveltejs/kit';
import { invitationStatus } from './invitation-status.ts';
import { selectInvitations, toInvitationRow } from './invitation-row.server.ts';
import type { PageServerLoad } from './$types';

// The newest first; older links are found by their label in a later search feature.
const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ locals }) => {
	const { data, error: dbError } = await selectInvitations(locals.supabase).order('created_at', { ascending: false }).limit(PAGE_SIZE);
	if (dbError) error(503, 'Invitations unavailable');
	const invitations = data.map(toInvitationRow).map(({ token_hash: _hash, ...row }) => ({
		...row,
		status: invitationStatus(row)
	}));
	return { invitations };
};
