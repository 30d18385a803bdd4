// The item page's forms. Every write carries the version the writer saw (optimistic concurrency) and the
// last event they saw, so a stale write can show what changed since.
import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { FEEDBACK_CATEGORIES } from '$lib/triage/inbox-filters';

const seen = { version: z.coerce.number().int().min(1), seen_event: z.coerce.number().int().min(0).default(0) };
const text = (max: number) => z.string().trim().max(max);

export const triageSchema = z.object({
	...seen,
	category: z.enum(FEEDBACK_CATEGORIES),
	priority: z.enum(Constants.public.Enums.feedback_priority),
	assignee_id: z.preprocess((value) => (value === '' ? null : value), z.uuid().nullable())
});

export const assignMeSchema = z.object(seen);

export const statusSchema = z
	.object({
		...seen,
		to: z.enum(Constants.public.Enums.feedback_status),
		resolution_text: text(4000).default(''),
		rejection_reason: text(2000).default('')
	})
	.refine((form) => form.to !== 'resolved' || form.resolution_text.length > 0, { path: ['resolution_text'], message: 'required' })
	.refine((form) => form.to !== 'rejected' || form.rejection_reason.length > 0, { path: ['rejection_reason'], message: 'required' });

export const messageSchema = z.object({
	...seen,
	body: text(4000).min(1),
	visibility: z.enum(['public', 'internal']),
	intent: z.enum(['preview', 'send']).default('send')
});

export const mergeSchema = z.object({ ...seen, duplicate_of_id: z.uuid() });

export const requirementSchema = z.object({
	statement: text(2000).min(1),
	priority: z.enum(Constants.public.Enums.requirement_priority)
});
