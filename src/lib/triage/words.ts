// Staff-facing words for an item's kind, status, priority and category (the client's words are in
// $lib/components/feedback/item-words.ts).
import { m } from '$lib/paraglide/messages.js';
import type { Enums } from '$lib/database.types';
import type { FEEDBACK_CATEGORIES, InboxView } from './inbox-filters';

export const statusLabel: Record<Enums<'feedback_status'>, () => string> = {
	new: m.tr_status_new,
	triaged: m.tr_status_triaged,
	in_progress: m.tr_status_in_progress,
	waiting_client: m.tr_status_waiting_client,
	resolved: m.tr_status_resolved,
	closed: m.tr_status_closed,
	rejected: m.tr_status_rejected,
	duplicate: m.tr_status_duplicate
};

export const priorityLabel: Record<Enums<'feedback_priority'>, () => string> = {
	low: m.tr_priority_low,
	normal: m.tr_priority_normal,
	high: m.tr_priority_high,
	urgent: m.tr_priority_urgent
};

export const kindLabel: Record<Enums<'feedback_kind'>, () => string> = {
	complaint: m.tr_kind_complaint,
	suggestion: m.tr_kind_suggestion,
	compliment: m.tr_kind_compliment
};

export const categoryLabel: Record<(typeof FEEDBACK_CATEGORIES)[number], () => string> = {
	product: m.tr_category_product,
	delivery: m.tr_category_delivery,
	service: m.tr_category_service,
	billing: m.tr_category_billing,
	communication: m.tr_category_communication,
	other: m.tr_category_other
};

export const viewLabel: Record<InboxView, () => string> = {
	open: m.tr_view_open,
	new: m.tr_view_new,
	mine: m.tr_view_mine,
	unassigned: m.tr_view_unassigned,
	due_today: m.tr_view_due_today,
	overdue: m.tr_view_overdue,
	waiting_client: m.tr_view_waiting_client,
	awaiting_answer: m.tr_view_awaiting_answer,
	all: m.tr_view_all
};

export const deadlineLabel: Record<string, () => string> = {
	overdue: m.tr_overdue_badge,
	due_soon: m.tr_due_soon_badge,
	paused: m.tr_paused_badge,
	on_time: m.tr_on_time_badge
};

export function categoryName(category: string): string {
	return category in categoryLabel ? categoryLabel[category as keyof typeof categoryLabel]() : category;
}
