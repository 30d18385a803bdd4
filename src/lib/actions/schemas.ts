// The corrective-action forms' rules, shared by the pages' actions and their tests. The database's
// trigger (supabase/migrations/20261201004100_corrective_actions.sql) has the last word.
import { z } from 'zod';
import { Constants } from '$lib/database.types';

const enums = Constants.public.Enums;
const text = (max: number) => z.string().trim().max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** "2026-Q3" -> "2026-07-01" (the quarter's first day, as the database keeps it). */
export function quarterStart(label: string): string | null {
	const match = QUARTER_PATTERN.exec(label);
	if (!match) return null;
	return `${match[1]}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export const planSchema = z
	.object({
		title: text(200).min(1),
		owner_id: z.uuid(),
		origins: z.array(z.enum(enums.action_plan_origin)).min(1),
		indicator: z.enum(['', 'cct', 'sc']).default(''),
		quarter: z.union([z.literal(''), z.string().regex(QUARTER_PATTERN)]).default(''),
		origin_note: text(2000).default(''),
		immediate_correction: text(4000).default(''),
		check_kind: z.enum(enums.action_plan_check_kind).default('no_repeat_complaint'),
		check_window_days: z.number().int().min(1).max(730).default(90),
		item_ids: z.array(z.uuid()).max(50).default([]),
		review_decision_id: z.union([z.literal(''), z.uuid()]).default('')
	})
	.refine((plan) => (plan.indicator === '') === (plan.quarter === ''), { path: ['quarter'], message: 'indicator_needs_quarter' })
	.refine((plan) => plan.check_kind !== 'indicator_next_quarter' || plan.indicator !== '', {
		path: ['check_kind'],
		message: 'check_needs_indicator'
	});

export const analysisSchema = z.object({
	immediate_correction: text(4000).default(''),
	whys: z.array(text(500)).max(5).default([]),
	root_cause_text: text(4000).default(''),
	cause_category: z.enum(['', ...enums.action_plan_cause]).default('')
});

export const actionSchema = z.object({ description: text(2000).min(1), owner_id: z.uuid(), due_on: day });

export const actionDoneSchema = z.object({ action_id: z.uuid(), done_on: day });

export const statusSchema = z.object({ to: z.enum(['in_progress', 'actions_done']) });

export const verifySchema = z.object({
	verdict: z.enum(['verified_effective', 'not_effective']),
	verified_on: day,
	note: text(4000).min(1),
	override_reason: text(2000).default('')
});

export const linkSchema = z.object({ plan_id: z.uuid() });
