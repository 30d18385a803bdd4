// Feedback and tracking URLs carry secrets: no shared cache may keep them, no search engine list them.
import type { RequestEvent } from '@sveltejs/kit';

export function markPrivate(event: Pick<RequestEvent, 'setHeaders'>): void {
	try {
		event.setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	} catch {
		// Already set: a form action ran first in this same request, and the page renders after it.
	}
}
