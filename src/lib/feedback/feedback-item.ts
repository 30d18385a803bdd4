// A complaint or suggestion as a client files it on /f/<token>. The keys are the ones
// public.submit_feedback_item reads from p_item; the SQL (CHECK constraints on public.feedback_items
// and private.feedback_item_errors) repeats every limit below, so change both together.
import { z } from 'zod';
import { hasNoNul, objectIssue, requiredOr } from './field-errors.ts';

/** What a client may file from a link (staff may also record compliments; the public form does not offer them). */
export const PUBLIC_FEEDBACK_KINDS = ['complaint', 'suggestion'] as const;
export type PublicFeedbackKind = (typeof PUBLIC_FEEDBACK_KINDS)[number];

export const FEEDBACK_KINDS = ['complaint', 'suggestion', 'compliment'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Fixed list; the SQL CHECK on feedback_items.category holds the same values. */
export const FEEDBACK_CATEGORIES = ['product', 'delivery', 'service', 'billing', 'communication', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const SUBJECT_MAX = 120;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
export const CONTACT_EMAIL_MAX = 254;
export const CONTACT_PHONE_MAX = 32;

/** The hidden field a person never sees and a bot fills: any value refuses the submission. */
export const HONEYPOT_FIELD = 'website';

/**
 * Plain enough to mean the same in JavaScript and in Postgres regular expressions (the SQL uses
 * this exact pattern), strict enough to catch typos such as a missing domain.
 */
export const EMAIL_PATTERN = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
/** After dropping spaces, dots, dashes and parentheses: an optional + and 6 to 15 digits (E.164 length). */
export const PHONE_DIGITS_PATTERN = /^\+?[0-9]{6,15}$/;
const PHONE_SEPARATORS = /[ .()-]/g;

export function phoneDigits(phone: string): string {
	return phone.replace(PHONE_SEPARATORS, '');
}

/** An empty optional field arrives from a form as ''; both '' and a missing key mean "not given". */
const optionalEmail = z
	.string('invalid')
	.trim()
	.max(CONTACT_EMAIL_MAX, 'too_long')
	.refine(hasNoNul, 'invalid')
	.refine((email) => email === '' || EMAIL_PATTERN.test(email), 'email_invalid')
	.optional();

const optionalPhone = z
	.string('invalid')
	.trim()
	.max(CONTACT_PHONE_MAX, 'too_long')
	.refine(hasNoNul, 'invalid')
	.refine((phone) => phone === '' || PHONE_DIGITS_PATTERN.test(phoneDigits(phone)), 'invalid')
	.optional();

export const feedbackItemSchema = z.strictObject(
	{
		kind: z.enum(PUBLIC_FEEDBACK_KINDS, { error: requiredOr('invalid') }),
		category: z.enum(FEEDBACK_CATEGORIES, { error: requiredOr('invalid') }),
		subject: z.string({ error: requiredOr('invalid') }).trim().min(1, 'required').max(SUBJECT_MAX, 'too_long').refine(hasNoNul, 'invalid'),
		description: z
			.string({ error: requiredOr('invalid') })
			.trim()
			.min(DESCRIPTION_MIN, 'too_short')
			.max(DESCRIPTION_MAX, 'too_long')
			.refine(hasNoNul, 'invalid'),
		contact_email: optionalEmail,
		contact_phone: optionalPhone,
		contact_consent: z.boolean('invalid').default(false),
		/** Only when the link is tied to a client, and only one of that client's contracts (checked in SQL). */
		contract_id: z.union([z.literal(''), z.guid('invalid')]).optional(),
		[HONEYPOT_FIELD]: z.string({ error: requiredOr('invalid') }).max(0, 'invalid').optional()
	},
	{ error: objectIssue }
);

export type FeedbackItemInput = z.input<typeof feedbackItemSchema>;
export type FeedbackItem = z.output<typeof feedbackItemSchema>;
