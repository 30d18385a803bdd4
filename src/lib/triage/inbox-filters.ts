// The inbox's filters as they live in the URL (shareable, Back works), parsed once for page and tests.
import { z } from 'zod';
import { Constants } from '$lib/database.types';

export const INBOX_VIEWS = [
	'open',
	'new',
	'mine',
	'unassigned',
	'due_today',
	'overdue',
	'waiting_client',
	'awaiting_answer',
	'all'
] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const DEADLINE_FILTERS = ['on_time', 'due_soon', 'overdue'] as const;
export const FEEDBACK_CATEGORIES = ['product', 'delivery', 'service', 'billing', 'communication', 'other'] as const;

const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const inboxFiltersSchema = z.object({
	view: optional(z.enum(INBOX_VIEWS)),
	q: optional(z.string().trim().max(200)),
	kind: optional(z.enum(Constants.public.Enums.feedback_kind)),
	status: optional(z.enum(Constants.public.Enums.feedback_status)),
	priority: optional(z.enum(Constants.public.Enums.feedback_priority)),
	category: optional(z.enum(FEEDBACK_CATEGORIES)),
	client_id: optional(z.uuid()),
	assignee: optional(z.union([z.literal('me'), z.literal('none'), z.uuid()])),
	deadline: optional(z.enum(DEADLINE_FILTERS)),
	created_from: optional(date),
	created_to: optional(date)
});
export type InboxFilters = z.infer<typeof inboxFiltersSchema>;

export const FILTER_KEYS = Object.keys(inboxFiltersSchema.shape) as (keyof InboxFilters)[];

/** The filters a URL asks for; anything malformed is dropped rather than failing the page. */
export function filtersFromUrl(params: URLSearchParams): InboxFilters {
	const filters: Record<string, unknown> = {};
	for (const key of FILTER_KEYS) {
		const parsed = inboxFiltersSchema.shape[key].safeParse(params.get(key));
		if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
	}
	return filters as InboxFilters;
}

/** Where a link with these filters (and one change) points. */
export function inboxHref(filters: InboxFilters, change: Partial<Record<keyof InboxFilters | 'after', string | undefined>> = {}): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries({ ...filters, ...change })) if (value) params.set(key, value);
	const query = params.toString();
	return query ? `/staff/inbox?${query}` : '/staff/inbox';
}

/** Views and filters that sort by the soonest deadline (the database function does the same). */
export function sortsByDeadline(filters: InboxFilters): boolean {
	return filters.view === 'due_today' || filters.view === 'overdue' || filters.deadline !== undefined;
}
