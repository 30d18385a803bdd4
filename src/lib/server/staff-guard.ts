// /staff/** is for signed-in, active staff only; the login page is the one way in.
import { redirect, type Handle } from '@sveltejs/kit';
import { loadStaffMember } from './staff-member.ts';

const PUBLIC_STAFF_PATHS = new Set(['/staff/login']);

export const staffGuard: Handle = async ({ event, resolve }) => {
	event.locals.staff = null;
	const path = event.url.pathname;
	if (path !== '/staff' && !path.startsWith('/staff/')) return resolve(event);

	const { user } = await event.locals.safeGetSession();
	if (user) event.locals.staff = await loadStaffMember(event.locals.supabase, user.id);
	if (!event.locals.staff && !PUBLIC_STAFF_PATHS.has(path)) {
		const next = encodeURIComponent(path + event.url.search);
		redirect(303, `/staff/login?next=${next}`);
	}
	return resolve(event);
};
