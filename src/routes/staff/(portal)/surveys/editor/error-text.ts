// Words for the error codes the survey definition schema uses beyond the shared ones.
import { m } from '$lib/paraglide/messages.js';
import { fieldError } from '$lib/i18n/field-error';

const editorMessages: Record<string, () => string> = {
	duplicate_id: m.sv_error_duplicate_id,
	out_of_range: m.sv_error_out_of_range
};

export function errorText(code: string | undefined): string | undefined {
	if (!code) return undefined;
	return editorMessages[code]?.() ?? fieldError(code);
}
