// Remembers the chosen language on this browser and returns to the page it was chosen on.
import { redirect, error, type RequestHandler } from '@sveltejs/kit';
import { cookieName, cookieMaxAge, isLocale } from '$lib/paraglide/runtime.js';
import { safeNextPath } from '$lib/safe-next-path';

export const POST: RequestHandler = async ({ request, cookies }) => {
	// A body that is no form (JSON, broken multipart) is bad input, not a server error.
	const form = await request.formData().catch(() => error(400, 'Send the language as a form'));
	const locale = form.get('locale');
	if (typeof locale !== 'string' || !isLocale(locale)) error(400, 'Unknown language');
	cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
	redirect(303, safeNextPath(form.get('next')));
};
