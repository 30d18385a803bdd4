import { fail, redirect } from '@sveltejs/kit';
import { supabaseAdmin } from '$lib/server/supabase-admin';
import { newPasswordSchema } from '$lib/staff/password-schema';
import { mustChangePassword } from '$lib/server/staff-guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = await locals.safeGetSession();
	return { forced: mustChangePassword(user), recovery: url.searchParams.get('reason') === 'recovery' };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const { user } = await locals.safeGetSession();
		if (!user) redirect(303, '/staff/login');
		const form = await request.formData();
		const parsed = newPasswordSchema.safeParse({ password: form.get('password'), confirm: form.get('confirm') });
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return fail(400, { field: String(issue.path[0] ?? 'password'), code: issue.message });
		}
		const { error } = await locals.supabase.auth.updateUser({ password: parsed.data.password });
		if (error) {
			const code = error.code === 'same_password' || error.code === 'weak_password' ? error.code : 'unavailable';
			if (code === 'unavailable') console.error('password change', error.code, error.message);
			return fail(code === 'unavailable' ? 503 : 400, { field: 'password', code });
		}
		// Only after the new password is in place does the temporary one stop being "temporary" (app_metadata is the
		// admin's to write, so the person cannot clear it without changing the password).
		if (mustChangePassword(user)) {
			const { error: adminError } = await supabaseAdmin().auth.admin.updateUserById(user.id, {
				app_metadata: { must_change_password: null }
			});
			if (adminError) {
				console.error('password change flag', adminError.code, adminError.message);
				return fail(503, { field: 'password', code: 'unavailable' });
			}
		}
		redirect(303, '/staff?done=password');
	}
};
