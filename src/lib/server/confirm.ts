// The server half of ConfirmAction: a destructive action runs only when its confirm step sent `confirm=yes`. A post
// without it (an old form, a crafted request) is sent to the confirm step instead of doing anything.
import { redirect } from '@sveltejs/kit';

export function requireConfirmation(form: FormData, url: URL, name: string): void {
	if (form.get('confirm') === 'yes') return;
	redirect(303, `${url.pathname}?confirm=${encodeURIComponent(name)}#confirm-${name}`);
}
