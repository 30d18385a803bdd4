// Words for a feedback item's kind, category and status, as a client reads them on /f and /t.
import { m } from '$lib/paraglide/messages.js';
import type { FeedbackCategory, FeedbackKind } from '$lib/feedback/feedback-item';
import type { FeedbackStatus } from '$lib/feedback/rpc-types';

export const categoryWords: Record<FeedbackCategory, () => string> = {
	product: m.fb_category_product,
	delivery: m.fb_category_delivery,
	service: m.fb_category_service,
	billing: m.fb_category_billing,
	communication: m.fb_category_communication,
	other: m.fb_category_other
};

export const kindWords: Record<FeedbackKind, () => string> = {
	complaint: m.fb_kind_complaint,
	suggestion: m.fb_kind_suggestion,
	compliment: m.fb_kind_compliment
};

/** The triage workflow in plain words: what is happening to it, not the staff's jargon. */
export const statusWords: Record<FeedbackStatus, () => string> = {
	new: m.fb_status_new,
	triaged: m.fb_status_triaged,
	in_progress: m.fb_status_in_progress,
	waiting_client: m.fb_status_waiting_client,
	resolved: m.fb_status_resolved,
	closed: m.fb_status_closed,
	rejected: m.fb_status_rejected,
	duplicate: m.fb_status_duplicate
};
