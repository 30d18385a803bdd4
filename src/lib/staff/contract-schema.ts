// A contract as staff enter it; the same limits and date rule as public.contracts.
import { z } from 'zod';
import { Constants } from '$lib/database.types';

const isoDate = z.iso.date({ error: 'invalid' });

export const contractSchema = z
	.object({
		client_id: z.uuid({ error: 'required' }),
		reference: z.string().trim().min(1, { error: 'required' }).max(64, { error: 'too_long' }),
		title: z.string().trim().min(1, { error: 'required' }).max(300, { error: 'too_long' }),
		start_date: isoDate,
		due_date: isoDate,
		terms_notes: z.string().trim().max(10_000, { error: 'too_long' }).default('')
	})
	.refine((contract) => contract.due_date >= contract.start_date, { path: ['due_date'], error: 'due_before_start' });

export const CONFORMITY = Constants.public.Enums.contract_conformity;

export const deliverySchema = z.object({
	delivered_on: isoDate
});

export const conformitySchema = z.object({
	conformity: z.enum(CONFORMITY, { error: 'invalid' })
});
