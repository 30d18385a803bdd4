// Words for invitation kinds and states.
import { formatDate } from '$lib/format/date';
import { m } from '$lib/paraglide/messages.js';

export const kindLabel: Record<string, () => string> = {
	personal: m.sv_kind_personal,
	campaign: m.sv_kind_campaign
};

export const invitationStatusLabel: Record<string, () => string> = {
	active: m.sv_inv_status_active,
	revoked: m.sv_inv_status_revoked,
	expired: m.sv_inv_status_expired,
	used_up: m.sv_inv_status_used_up
};

export function usesText(useCount: number, maxUses: number | null): string {
	return maxUses === null ? m.sv_inv_uses_unlimited({ used: useCount }) : m.sv_inv_uses_of({ used: useCount, max: maxUses });
}

// Expiry days are stored as the day's last second in UTC (new/schema.ts), so they are read in UTC.
export function dateText(iso: string | null): string {
	return iso ? formatDate(iso, 'UTC') : m.sv_inv_never();
}
