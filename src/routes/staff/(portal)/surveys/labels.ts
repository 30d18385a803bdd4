// Words for the survey enums, shared by the list, the editor and the invitation screens.
import { m } from '$lib/paraglide/messages.js';

export const triggerLabel: Record<string, () => string> = {
	contract_delivery: m.sv_trigger_contract_delivery,
	complaint_resolution: m.sv_trigger_complaint_resolution,
	campaign: m.sv_trigger_campaign
};

export const statusLabel: Record<string, () => string> = {
	draft: m.sv_status_draft,
	active: m.sv_status_active,
	closed: m.sv_status_closed
};

export const questionTypeLabel: Record<string, () => string> = {
	nps: m.sv_type_nps,
	csat: m.sv_type_csat,
	rating: m.sv_type_rating,
	single_choice: m.sv_type_single_choice,
	multiple_choice: m.sv_type_multiple_choice,
	short_text: m.sv_type_short_text,
	long_text: m.sv_type_long_text
};
