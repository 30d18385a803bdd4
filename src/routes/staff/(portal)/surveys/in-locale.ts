// A survey's bilingual text in the reader's language (Spanish when English is missing).
import { getLocale } from '$lib/paraglide/runtime.js';
import type { LocalizedText } from '$lib/feedback/survey-definition';

export function inLocale(text: Partial<LocalizedText> | null | undefined): string {
	if (!text) return '';
	return (getLocale() === 'en' ? text.en : text.es) || text.es || text.en || '';
}
