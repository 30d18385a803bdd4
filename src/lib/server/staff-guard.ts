// /staff/** is for signed-in, active staff only; the login page is the one way in.
import { error, redirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import { loadStaffMember } from './staff-member.ts';

const PUBLIC_STAFF_PATHS = new Set(['/staff/login']);

/**
 * A browser navigating (or posting a plain form) asks for HTML; SvelteKit's own page-data requests follow a
 * redirect to the login page too. Endpoints called with fetch() and enhanced forms do neither.
 */
function wantsPage(event: RequestEvent): boolean {
	return event.isDataRequest || (event.request.headers.get('accept') ?? '').includes('text/html');
}

export const staffGuard: Handle = async ({ event, resolve }) => {
	event.locals.staff = null;
	const path = event.url.pathname;
	if (path !== '/staff' && !path.startsWith('/staff/')) return resolve(event);

	const { user } = await event.locals.safeGetSession();
	if (user) event.locals.staff = await loadStaffMember(event.locals.supabase, user.id);
	if (!event.locals.staff && !PUBLIC_STAFF_PATHS.has(path)) {
		// A script asking for data (an endpoint, an enhanced form) gets a status it can act
		// on, not a login page: 401 without a session, 403 for a signed-in user who is not active staff.
		if (!wantsPage(event)) error(user ? 403 : 401, user ? 'Not staff' : 'Not signed in');
		const next = encodeURIComponent(path + event.url.search);
		redirect(303, `/staff/login?next=${next}`);
	}
	return resolve(event);
};
