// Category and status words for complaint statistics: the client portal's words, so both say the same.
import { categoryWords, statusWords } from '$lib/components/feedback/item-words';
import type { Enums } from '$lib/database.types';

export function categoryLabel(category: string): string {
	return category in categoryWords ? categoryWords[category as keyof typeof categoryWords]() : category;
}

export function feedbackStatusLabel(status: Enums<'feedback_status'>): string {
	return statusWords[status]();
}
