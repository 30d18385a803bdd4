// A client requirement as staff record it (enums as in public.requirements).
import { z } from 'zod';

export const REQUIREMENT_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const REQUIREMENT_STATUSES = ['open', 'in_progress', 'met', 'dropped'] as const;
export const REQUIREMENT_SOURCES = ['contract', 'meeting', 'complaint', 'survey', 'suggestion', 'regulation', 'other'] as const;

export const requirementSchema = z.object({
	client_id: z.uuid({ error: 'required' }),
	contract_id: z.union([z.literal(''), z.uuid({ error: 'invalid' })]).default(''),
	statement: z.string().trim().min(1, { error: 'required' }).max(2000, { error: 'too_long' }),
	priority: z.enum(REQUIREMENT_PRIORITIES, { error: 'invalid' }).default('medium'),
	status: z.enum(REQUIREMENT_STATUSES, { error: 'invalid' }).default('open'),
	source: z.enum(REQUIREMENT_SOURCES, { error: 'invalid' }).default('other')
});
