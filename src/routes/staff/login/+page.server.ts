import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime.js';
import { superValidate, message, fail } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { loadStaffMember } from '$lib/server/staff-member';
import { safeNextPath } from '$lib/safe-next-path';
import { loginSchema } from './schema';
import { clientAddress } from '$lib/server/feedback/client-address';
import { loginRetryAfterMs, recordLoginFailure, recordLoginSuccess } from '$lib/server/auth/login-throttle';
import type { Actions, PageServerLoad } from './$types';

export type LoginMessage = 'invalid_credentials' | 'not_staff' | 'unavailable' | 'too_many_attempts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.staff) redirect(303, safeNextPath(url.searchParams.get('next'), '/staff'));
	const form = await superValidate({ next: url.searchParams.get('next') ?? '' }, zod4(loginSchema), { errors: false });
	return { form };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals } = event;
		const form = await superValidate(request, zod4(loginSchema));
		const { email, password } = form.data;
		// The password never travels back to the page.
		form.data.password = '';
		if (!form.valid) return fail(400, { form });

		// Refused before Auth is asked, so even the right password gets no answer while the limit holds.
		const address = clientAddress(event);
		const wait = loginRetryAfterMs(email, address);
		if (wait > 0) {
			event.setHeaders({ 'retry-after': String(Math.ceil(wait / 1000)) });
			return message(form, 'too_many_attempts' satisfies LoginMessage, { status: 429 });
		}
		const { data, error } = await locals.supabase.auth.signInWithPassword({ email, password });
		if (error || !data.user) {
			if (error?.status === 429) return message(form, 'too_many_attempts' satisfies LoginMessage, { status: 429 });
			const unavailable = !error?.status || error.status >= 500;
			if (!unavailable) recordLoginFailure(email, address);
			return message(form, (unavailable ? 'unavailable' : 'invalid_credentials') satisfies LoginMessage, {
				status: unavailable ? 503 : 400
			});
		}
		recordLoginSuccess(email);
		if (!(await loadStaffMember(locals.supabase, data.user.id))) {
			await locals.supabase.auth.signOut();
			return message(form, 'not_staff' satisfies LoginMessage, { status: 403 });
		}
		// The language the person chose in their profile follows them to every browser they sign in on.
		const { data: profile } = await locals.supabase.from('staff_members').select('locale').eq('user_id', data.user.id).maybeSingle();
		if (profile?.locale && isLocale(profile.locale)) {
			event.cookies.set(cookieName, profile.locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
		}
		redirect(303, safeNextPath(form.data.next, '/staff'));
	}
};
