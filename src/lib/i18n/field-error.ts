// Schemas speak in error codes; this turns a code into words in the reader's language.
import { m } from '$lib/paraglide/messages.js';

const messages: Record<string, () => string> = {
	required: m.field_required,
	email_invalid: m.field_email_invalid,
	too_long: m.field_too_long,
	too_short: m.field_too_short,
	invalid: m.field_invalid,
	due_before_start: m.contract_due_before_start,
	duplicate: m.field_duplicate
};

export function fieldError(codes: string[] | string | undefined): string | undefined {
	const code = Array.isArray(codes) ? codes[0] : codes;
	if (!code) return undefined;
	return (messages[code] ?? m.field_invalid)();
}
