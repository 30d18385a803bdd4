// Words for invitation kinds and states.
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';

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

export function dateText(iso: string | null): string {
	return iso ? new Date(iso).toLocaleDateString(getLocale() === 'en' ? 'en-GB' : 'es-ES', { timeZone: 'UTC' }) : m.sv_inv_never();
}
