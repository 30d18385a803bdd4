// Words for the invitation form's own error codes; the shared ones fall back to field-error.
import { m } from '$lib/paraglide/messages.js';
import { fieldError } from '$lib/i18n/field-error';

const messages: Record<string, () => string> = {
	nothing_offered: m.sv_inv_nothing_offered,
	client_required: m.sv_inv_client_required,
	expiry_past: m.sv_inv_expiry_past
};

export function invitationError(codes: string[] | undefined): string | undefined {
	const code = codes?.[0];
	return code ? (messages[code]?.() ?? fieldError(code)) : undefined;
}

export const formMessages: Record<string, () => string> = {
	refused: m.sv_inv_refused,
	unavailable: m.service_unavailable
};
