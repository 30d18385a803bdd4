import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const emailSchema = z.email().max(254);

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	// Supabase Auth's recovery flow: it mails a link to /staff/reset. The answer is the same whether or not the
	// address has an account, so this page says nothing about who works here.
	default: async ({ request, locals, url }) => {
		const email = String((await request.formData()).get('email') ?? '').trim();
		if (!emailSchema.safeParse(email).success) return fail(400, { email, invalid: true });
		const { error } = await locals.supabase.auth.resetPasswordForEmail(email, { redirectTo: `${url.origin}/staff/reset` });
		// Too many requests is still "sent" to the person: one mail is on its way already.
		if (error && error.status !== 429) {
			console.error('password recovery', error.code, error.message);
			return fail(503, { email, unavailable: true });
		}
		return { sent: true };
	}
};
