// Which submission token a form post is sent with, so that retries store once and the next person
// on a shared tablet always stores. Two cookies per form of a link, on the client's own browser:
//
//   pending  the token and a hash of the content of the last post not yet confirmed. Written before
//            the database is called, so a post that failed (503, timeout) and is sent again, even after
//            a reload rendered a new token, reuses it: the database answers with the first row.
//   shown    the token whose confirmation this browser was shown. A post carrying it (Back to the
//            sent form, which the browser restores with its hidden token) is the next submission,
//            so it gets a new token and stores. The confirmation and this cookie travel in the same
//            response: when the answer was lost, the browser never saw it, and a resend replays.
import { createHash } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { newSubmissionToken } from '../tokens.ts';

// Long enough for a retry, short enough that a later identical message counts as new.
const REMEMBER_SECONDS = 60 * 60;

const pendingCookie = (form: string) => `fb_pending_${form}`;
const shownCookie = (form: string) => `fb_shown_${form}`;
const contentHash = (content: unknown) => createHash('sha256').update(JSON.stringify(content)).digest('base64url');

function cookieOptions(linkPath: string) {
	// Only this link's page gets them back; a token is also a tracking link, so no script reads them.
	return { path: linkPath, httpOnly: true, sameSite: 'strict' as const, maxAge: REMEMBER_SECONDS };
}

/** The token to send this post with, remembered as pending before the database is asked. */
export function submissionFor(cookies: Cookies, linkPath: string, form: string, content: unknown, rendered: string): string {
	const hash = contentHash(content);
	const [pending, pendingHash] = cookies.get(pendingCookie(form))?.split('.') ?? [];
	let submission: string;
	if (pending && pendingHash === hash) submission = pending;
	else if (rendered === cookies.get(shownCookie(form))) submission = newSubmissionToken();
	else submission = rendered;
	cookies.set(pendingCookie(form), `${submission}.${hash}`, cookieOptions(linkPath));
	return submission;
}

/** The confirmation of `submission` is being shown: nothing is pending, and its form is done. */
export function confirmSubmission(cookies: Cookies, linkPath: string, form: string, submission: string): void {
	cookies.delete(pendingCookie(form), { path: linkPath });
	cookies.set(shownCookie(form), submission, cookieOptions(linkPath));
}
