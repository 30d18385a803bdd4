// A complaint or suggestion as an HTML form: the shared item schema, without `kind` (the action
// that receives the form decides it) and with the hidden submission token.
import { z } from 'zod';
import { submissionTokenField } from '$lib/feedback/submission-token';
import { feedbackItemSchema, HONEYPOT_FIELD } from '$lib/feedback/feedback-item';
import { ITEM_SUBMISSION_FIELD } from './form-fields';

export const itemFormSchema = feedbackItemSchema.omit({ kind: true }).extend({
	// The database checks the token's shape; here only that one came back, in characters a token has
	// (a NUL or a stray byte would fail at the database on every retry, as "unavailable").
	[ITEM_SUBMISSION_FIELD]: submissionTokenField
});

export type ItemFormData = z.input<typeof itemFormSchema>;

/** No category chosen until the client chooses (superforms would otherwise preselect the first). */
export const itemFormDefaults = {
	category: undefined,
	subject: '',
	description: '',
	contact_email: '',
	contact_phone: '',
	contact_consent: false,
	contract_id: '',
	[HONEYPOT_FIELD]: '',
	[ITEM_SUBMISSION_FIELD]: ''
} as unknown as z.output<typeof itemFormSchema>;
