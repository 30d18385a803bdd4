// The bulk form: the CSV (pasted, or read from the uploaded file) and what every link of the batch offers.
import { z } from 'zod';

export const MAX_CSV_CHARS = 200_000;

export const bulkSchema = z
	.object({
		csv: z.string().max(MAX_CSV_CHARS, 'too_long').default(''),
		surveyId: z.union([z.uuid({ error: 'invalid' }), z.literal('')]).default(''),
		offersComplaint: z.boolean().default(false),
		offersSuggestion: z.boolean().default(false)
	})
	.superRefine((value, ctx) => {
		if (!value.surveyId && !value.offersComplaint && !value.offersSuggestion) {
			ctx.addIssue({ code: 'custom', message: 'nothing_offered', path: ['surveyId'] });
		}
	});
