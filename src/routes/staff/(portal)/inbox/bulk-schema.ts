// Bulk actions on selected inbox rows. Only the statuses that need no text can be set in bulk
// (resolving, rejecting and merging each need their own words, on the item page).
import { z } from 'zod';
import { Constants } from '$lib/database.types';

export const BULK_STATUSES = ['triaged', 'in_progress', 'waiting_client', 'closed'] as const;

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const bulkSchema = z.object({
	ids: z.array(z.uuid()).min(1).max(200),
	assignee: z.preprocess(blankToUndefined, z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional()),
	priority: z.preprocess(blankToUndefined, z.enum(Constants.public.Enums.feedback_priority).optional()),
	status: z.preprocess(blankToUndefined, z.enum(BULK_STATUSES).optional())
});
