// How the Auth session cookie is written: the browser's scripts never need it (staff pages render
// on the server; live screens get a short-lived token from /staff/realtime-token), so it is HttpOnly.
import type { CookieOptions } from '@supabase/ssr';

/**
 * As long as a staff session lives: config.toml's `[auth.sessions] timebox`, which the local Auth
 * server enforces too. @supabase/ssr would keep the cookie 400 days, long after its refresh token died.
 */
export const SESSION_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

export function sessionCookieOptions(options: CookieOptions, url: URL): CookieOptions & { path: string } {
	const removing = options.maxAge === 0;
	return {
		...options,
		path: '/',
		httpOnly: true,
		secure: url.protocol === 'https:',
		sameSite: 'lax',
		maxAge: removing ? 0 : SESSION_LIFETIME_SECONDS
	};
}
