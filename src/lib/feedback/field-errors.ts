// Validation speaks in codes, the same ones in zod and in SQL, so the page can show one message
// for a rule whichever side caught it (words: src/lib/i18n/field-error.ts).
import type { z } from 'zod';

export const FIELD_ERROR_CODES = [
	'required',
	'invalid',
	'too_short',
	'too_long',
	'email_invalid',
	'unknown_field',
	'not_offered',
	'duplicate_id',
	'out_of_range'
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Field errors keyed by field name (question id for answers); '_form' for the payload as a whole. */
export type FieldErrors = Record<string, FieldErrorCode>;

/** For a schema's own type check: a missing value is 'required', anything else gets `code`. */
export const requiredOr =
	(code: FieldErrorCode) =>
	(issue: { input?: unknown }): FieldErrorCode =>
		issue.input === undefined ? 'required' : code;

/** For a strict object: keys it does not know, or an input that is not an object at all. */
export function objectIssue(issue: { code?: string; input?: unknown }): FieldErrorCode {
	if (issue.code === 'unrecognized_keys') return 'unknown_field';
	return issue.input === undefined ? 'required' : 'invalid';
}

/** The first code per top-level field, in the shape the RPCs answer with `outcome: 'invalid'`. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '_form')];
		const code = (FIELD_ERROR_CODES as readonly string[]).includes(issue.message) ? (issue.message as FieldErrorCode) : 'invalid';
		for (const key of keys) errors[key] ??= code;
	}
	return errors;
}

/**
 * Postgres text cannot hold a NUL character: a value with one would fail at the database on every retry
 * ("unavailable"). Refused here as an invalid field instead, so the person can fix it.
 */
export const hasNoNul = (text: string) => !text.includes('\u0000');
