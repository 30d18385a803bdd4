// The whole-request cap on the public forms, on top of each field's own length limit. 128 KB holds the
// largest complaint (4,000 characters, even all URL-encoded multi-byte) several times over, and a survey
// with a few long answers; anything bigger is not a person typing. Bodies sent without a length are
// capped by adapter-node's BODY_SIZE_LIMIT instead.
import { error, type RequestEvent } from '@sveltejs/kit';

export const PUBLIC_FORM_BODY_LIMIT = 128 * 1024;

export function refuseOversizeBody(event: Pick<RequestEvent, 'request'>): void {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > PUBLIC_FORM_BODY_LIMIT) error(413, 'too_large');
}
