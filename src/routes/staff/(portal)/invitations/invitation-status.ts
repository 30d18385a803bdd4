// An invitation's state in one word, in the order that matters to whoever holds the link.
export type InvitationStatus = 'revoked' | 'expired' | 'used_up' | 'active';

export interface InvitationState {
	revoked_at: string | null;
	expires_at: string | null;
	max_uses: number | null;
	/** public.uses: null only if the database returned none. */
	uses: number | null;
}

export function invitationStatus(invitation: InvitationState, now = new Date()): InvitationStatus {
	if (invitation.revoked_at) return 'revoked';
	if (invitation.expires_at && new Date(invitation.expires_at) <= now) return 'expired';
	if (invitation.max_uses !== null && (invitation.uses ?? 0) >= invitation.max_uses) return 'used_up';
	return 'active';
}
