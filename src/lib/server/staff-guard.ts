// /staff/** is for signed-in, active staff only; the login page is the one way in.
import { error, redirect, type Handle, type RequestEvent } from '@sveltejs/kit';
import type { User } from '@supabase/supabase-js';
import { loadStaffMember } from './staff-member.ts';

const PUBLIC_STAFF_PATHS = new Set(['/staff/login', '/staff/forgot', '/staff/reset']);
/** Where someone with a temporary password may go: the change itself, and out. */
const PASSWORD_CHANGE_PATHS = new Set(['/staff/password', '/staff/logout']);

/** An account made with a temporary password (invite-staff.ts) until its owner chooses one; only the admin API sets it. */
export function mustChangePassword(user: User | null): boolean {
	return user?.app_metadata?.must_change_password === true;
}

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
	// A temporary password is changed before anything else in the portal opens.
	if (event.locals.staff && mustChangePassword(user) && !PASSWORD_CHANGE_PATHS.has(path) && !PUBLIC_STAFF_PATHS.has(path)) {
		if (!wantsPage(event)) error(403, 'Password change required');
		redirect(303, '/staff/password');
	}
	return resolve(event);
};
