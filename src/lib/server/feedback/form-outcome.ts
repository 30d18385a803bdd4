// A client form that comes back: what was typed, why (a message), the right HTTP status, and the
// field errors wherever the database found them.
import { message, setError, type ErrorStatus, type SuperValidated } from 'sveltekit-superforms';
import type { FieldErrors } from '$lib/feedback/field-errors';
import type { FormMessage, FormProblem } from '$lib/components/feedback/form-message';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = SuperValidated<Record<string, any>, FormMessage>;

const FORM_PROBLEM_STATUS: Record<FormProblem, ErrorStatus> = {
	fields: 400,
	rejected: 400,
	rate_limited: 429,
	unavailable: 503,
	not_resolved: 409,
	already_answered: 409
};

/** The form comes back with what was typed, and says why. */
export function formProblem(form: AnyForm, problem: FormProblem) {
	return message(form, { type: 'problem', problem }, { status: FORM_PROBLEM_STATUS[problem] });
}

/** Errors the database found: on the fields this form has, else on the form as a whole. */
export function databaseFieldErrors(form: AnyForm, errors: FieldErrors) {
	const fields = Object.keys(errors).filter((field) => field in form.data);
	if (fields.length === 0) return formProblem(form, 'rejected');
	for (const field of fields) setError(form, field, errors[field]);
	return formProblem(form, 'fields');
}
