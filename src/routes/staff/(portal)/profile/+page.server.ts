import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

const profileSchema = z.object({ full_name: z.string().trim().min(1).max(200), locale: z.enum(['es', 'en']) });

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = locals.staff!;
	const { data } = await locals.supabase.from('staff_members').select('full_name, locale').eq('user_id', staff.userId).maybeSingle();
	return { fullName: data?.full_name ?? staff.fullName, locale: data?.locale ?? 'es', saved: url.searchParams.get('done') === 'saved' };
};

export const actions: Actions = {
	// Through public.update_my_profile: only the caller's own name and language, never the role.
	default: async ({ request, locals, cookies }) => {
		const parsed = profileSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { invalid: true, unavailable: false });
		const { error } = await locals.supabase.rpc('update_my_profile', { p_full_name: parsed.data.full_name, p_locale: parsed.data.locale });
		if (error) {
			console.error('profile', error.code, error.message);
			return fail(error.code === '22023' ? 400 : 503, { invalid: error.code === '22023', unavailable: error.code !== '22023' });
		}
		// The portal speaks the chosen language from the next page on, on this browser and at every sign-in.
		cookies.set(cookieName, parsed.data.locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
		redirect(303, '/staff/profile?done=saved');
	}
};
