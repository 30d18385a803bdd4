// The review page's forms: conclusions, a new decision, a decision's state.
import { z } from 'zod';
import { Constants } from '$lib/database.types';

export const conclusionsSchema = z.object({ conclusions: z.string().trim().max(20000, 'too_long') });

export const decisionSchema = z.object({
	description: z.string().trim().min(1, 'required').max(2000, 'too_long'),
	owner_id: z.preprocess((value) => (value === '' ? undefined : value), z.uuid('invalid').optional()),
	due_date: z.preprocess((value) => (value === '' ? undefined : value), z.iso.date('invalid').optional())
});

export const decisionStateSchema = z.object({
	decision_id: z.uuid('invalid'),
	state: z.enum(Constants.public.Enums.review_decision_state, 'invalid')
});
