// "Were you satisfied with the solution?": the answer comes from the button pressed (yes or no),
// plus the hidden submission token that makes a double tap store one answer.
import { z } from 'zod';
import { requiredOr } from '$lib/feedback/field-errors';
import { submissionTokenField } from '$lib/feedback/submission-token';

export const satisfactionFormSchema = z.object({
	submission: submissionTokenField,
	satisfied: z.enum(['yes', 'no'], { error: requiredOr('invalid') })
});

export const satisfactionDefaults = { submission: '', satisfied: undefined } as unknown as z.output<typeof satisfactionFormSchema>;
