import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { createServerClient } from '@supabase/ssr';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { supabaseUrl, supabaseAnonKey } from '$lib/server/supabase-config';
import { securityHeaders, withConnectSources } from '$lib/server/security-headers';
import { staffGuard } from '$lib/server/staff-guard';
import { sessionCookieOptions } from '$lib/server/auth/session-cookie';
import type { Database } from '$lib/database.types';

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const supabase: Handle = async ({ event, resolve }) => {
	let cacheHeadersSet = false;
	event.locals.supabase = createServerClient<Database>(supabaseUrl(), supabaseAnonKey(), {
		cookies: {
			getAll: () => event.cookies.getAll(),
			setAll: (cookiesToSet, cacheHeaders) => {
				for (const { name, value, options } of cookiesToSet) event.cookies.set(name, value, sessionCookieOptions(options, event.url));
				// No shared cache may keep a response that sets a session (as Supabase's SvelteKit guide does).
				if (cacheHeaders && !cacheHeadersSet) {
					event.setHeaders(cacheHeaders);
					cacheHeadersSet = true;
				}
			}
		}
	});

	// getSession() only decodes the cookie; getUser() asks Auth, so a forged cookie gets nowhere.
	// Asked once per request: the guard, layouts and endpoints share the answer.
	let validated: ReturnType<App.Locals['safeGetSession']> | undefined;
	event.locals.safeGetSession = () =>
		(validated ??= (async () => {
			const {
				data: { session }
			} = await event.locals.supabase.auth.getSession();
			if (!session) return { session: null, user: null };
			const {
				data: { user },
				error
			} = await event.locals.supabase.auth.getUser();
			if (error || !user) return { session: null, user: null };
			return { session, user };
		})());

	return resolve(event, {
		filterSerializedResponseHeaders: (name) => name === 'content-range' || name === 'x-supabase-api-version'
	});
};

// Responses SvelteKit makes without asking this handle (a redirect thrown by the staff guard, static
// files) get the same headers from the production server, scripts/serve.ts.
const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(securityHeaders())) response.headers.set(name, value);
	response.headers.set('content-security-policy', withConnectSources(response.headers.get('content-security-policy')));
	// Staff pages hold personal data: never stored by a browser or a shared cache.
	if (isStaffPath(event.url.pathname) && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
	return response;
};

const isStaffPath = (path: string) => path === '/staff' || path.startsWith('/staff/');

export const handle = sequence(headers, i18n, supabase, staffGuard);

// Unexpected errors are logged on the server; the browser only gets a generic message, never a stack.
export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
