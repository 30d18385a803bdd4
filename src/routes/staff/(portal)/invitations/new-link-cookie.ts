// The raw token travels from the create (or re-issue) action to the result page once, in a short-lived
// cookie scoped to the invitations pages: a redirect must not carry it in the URL, the database has only its hash.
import type { Cookies } from '@sveltejs/kit';

const NAME = 'sv_new_link';
const PATH = '/staff/invitations';

export function rememberNewLink(cookies: Cookies, invitationId: string, token: string) {
	cookies.set(NAME, `${invitationId}.${token}`, { path: PATH, httpOnly: true, sameSite: 'strict', maxAge: 120 });
}

/** The token for this invitation, if it was just issued; the cookie is spent either way. */
export function takeNewLink(cookies: Cookies, invitationId: string): string | null {
	const value = cookies.get(NAME);
	if (!value) return null;
	cookies.delete(NAME, { path: PATH });
	const [id, token] = value.split('.');
	return id === invitationId && token ? token : null;
}
