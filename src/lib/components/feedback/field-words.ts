// A field's error code in words: the app's shared words, or a clearer one this field chose for that code.
import { fieldError } from '$lib/i18n/field-error';

export type FieldWords = Partial<Record<string, () => string>>;

export function fieldWords(codes: string[] | string | undefined, own: FieldWords = {}): string | undefined {
	const code = Array.isArray(codes) ? codes[0] : codes;
	if (!code) return undefined;
	return own[code]?.() ?? fieldError(code);
}
