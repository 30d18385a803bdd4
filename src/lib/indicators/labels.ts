// Category and status words for complaint statistics. Categories are the client portal's words; statuses
// get short staff names (the portal's are sentences addressed to the client, too long for a chart axis).
import { m } from '$lib/paraglide/messages.js';
import { categoryWords } from '$lib/components/feedback/item-words';
import type { Enums } from '$lib/database.types';

const STATUS_NAMES: Record<Enums<'feedback_status'>, () => string> = {
	new: m.ind_fstatus_new,
	triaged: m.ind_fstatus_triaged,
	in_progress: m.ind_fstatus_in_progress,
	waiting_client: m.ind_fstatus_waiting_client,
	resolved: m.ind_fstatus_resolved,
	closed: m.ind_fstatus_closed,
	rejected: m.ind_fstatus_rejected,
	duplicate: m.ind_fstatus_duplicate
};

export function categoryLabel(category: string): string {
	return category in categoryWords ? categoryWords[category as keyof typeof categoryWords]() : category;
}

export function feedbackStatusLabel(status: Enums<'feedback_status'>): string {
	return STATUS_NAMES[status]();
}
