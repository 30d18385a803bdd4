// A field's error goes away as soon as the client edits that field. Only on input, never on blur:
// a message vanishing on blur would move the send button from under a finger already tapping it.
interface ErrorsStore {
	update(updater: (errors: Record<string, unknown>) => Record<string, unknown>): void;
}

export function clearErrorOnInput(errors: ErrorsStore) {
	return (event: Event) => {
		const field = (event.target as HTMLInputElement | null)?.name;
		if (!field) return;
		errors.update((current) => (current[field] ? { ...current, [field]: undefined } : current));
	};
}
