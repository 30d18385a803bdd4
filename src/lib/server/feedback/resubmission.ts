// Going Back to a sent form and sending it again must not store it twice. Without JavaScript the
// browser fetches the form anew (the page is no-store), so it comes back with a fresh submission
// token but with what the client had typed. This remembers, on the client's own browser, the token
// of the last submission of each form of a link with a hash of its content: the same content again
// is sent with the first token, and the database answers with the first confirmation. Different
// content (another complaint, someone else on a shared tablet) is a new submission.
import { createHash } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';

// Long enough for a retry, short enough that a later identical message counts as new.
const REMEMBER_SECONDS = 60 * 60;

const cookieName = (form: string) => `fb_sent_${form}`;
const contentHash = (content: unknown) => createHash('sha256').update(JSON.stringify(content)).digest('base64url');

/** The token the same content was sent with from this browser, if it was. */
export function earlierSubmission(cookies: Cookies, form: string, content: unknown): string | null {
	const [submission, hash] = cookies.get(cookieName(form))?.split('.') ?? [];
	return submission && hash === contentHash(content) ? submission : null;
}

export function rememberSubmission(cookies: Cookies, linkPath: string, form: string, submission: string, content: unknown): void {
	cookies.set(cookieName(form), `${submission}.${contentHash(content)}`, {
		// Only this link's page gets it back; the token is also a tracking link, so no script reads it.
		path: linkPath,
		httpOnly: true,
		sameSite: 'strict',
		maxAge: REMEMBER_SECONDS
	});
}
