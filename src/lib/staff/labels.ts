// Words for the database's enum values, in the reader's language.
import { m } from '$lib/paraglide/messages.js';

type Labels = Record<string, () => string>;

const conformity: Labels = {
	pending: m.contract_conformity_pending,
	accepted: m.contract_conformity_accepted,
	rejected: m.contract_conformity_rejected
};
const priority: Labels = { low: m.priority_low, medium: m.priority_medium, high: m.priority_high, critical: m.priority_critical };
const requirementStatus: Labels = {
	open: m.req_status_open,
	in_progress: m.req_status_in_progress,
	met: m.req_status_met,
	dropped: m.req_status_dropped
};
const source: Labels = {
	contract: m.source_contract,
	meeting: m.source_meeting,
	complaint: m.source_complaint,
	survey: m.source_survey,
	suggestion: m.source_suggestion,
	regulation: m.source_regulation,
	other: m.source_other
};

const pick = (labels: Labels) => (value: string) => labels[value]?.() ?? value;

export const conformityLabel = pick(conformity);
export const priorityLabel = pick(priority);
export const requirementStatusLabel = pick(requirementStatus);
export const sourceLabel = pick(source);
