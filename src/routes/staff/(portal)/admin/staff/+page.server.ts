import { error, redirect } from '@sveltejs/kit';
import { Constants } from '$lib/database.types';
import { requireConfirmation } from '$lib/server/confirm';
import { superValidate, fail, message, setError } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { inviteSchema } from '$lib/staff/invite-schema';
import { can } from '$lib/staff/permissions';
import { inviteStaff } from '$lib/server/invite-staff';
import type { Actions, PageServerLoad } from './$types';

function requireAdmin(locals: App.Locals) {
	if (!can.manageStaff(locals.staff!)) error(403, 'Forbidden');
}

const activeSchema = z.object({ user_id: z.uuid(), active: z.enum(['true', 'false']) });

const roleSchema = z.object({ user_id: z.uuid(), role: z.enum(Constants.public.Enums.staff_role) });

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const { data } = await locals.supabase.from('staff_members').select('user_id, full_name, email, role, active').order('full_name');
	return {
		members: data ?? [],
		form: await superValidate(zod4(inviteSchema)),
		me: locals.staff!.userId,
		notice: url.searchParams.get('done')
	};
};

export const actions: Actions = {
	invite: async ({ request, locals }) => {
		requireAdmin(locals);
		const form = await superValidate(request, zod4(inviteSchema));
		if (!form.valid) return fail(400, { form });
		const result = await inviteStaff(locals.supabase, form.data);
		if (!result.ok && result.reason === 'exists') return setError(form, 'email', 'duplicate');
		if (!result.ok) return message(form, { outcome: result.reason }, { status: result.reason === 'forbidden' ? 403 : 503 });
		return message(form, { outcome: 'invited', email: form.data.email, password: result.temporaryPassword });
	},
	setRole: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = roleSchema.safeParse(Object.fromEntries(await request.formData()));
		// Never one's own role (the database refuses it too: staff_members_forbid_own_role_change).
		if (!parsed.success || parsed.data.user_id === locals.staff!.userId) return fail(400, { activeError: true });
		const { data, error: dbError } = await locals.supabase
			.from('staff_members')
			.update({ role: parsed.data.role })
			.eq('user_id', parsed.data.user_id)
			.select('user_id');
		if (dbError || !data?.length) return fail(400, { activeError: true });
		redirect(303, '/staff/admin/staff?done=role');
	},
	setActive: async ({ request, locals, url }) => {
		requireAdmin(locals);
		const form = await request.formData();
		const parsed = activeSchema.safeParse(Object.fromEntries(form));
		if (!parsed.success) return fail(400, { activeError: true });
		// Deactivating closes someone's portal at once: asked first (reactivating is not).
		if (parsed.data.active === 'false') requireConfirmation(form, url, `deactivate-${parsed.data.user_id}`);
		const { data, error: dbError } = await locals.supabase
			.from('staff_members')
			.update({ active: parsed.data.active === 'true' })
			.eq('user_id', parsed.data.user_id)
			.select('user_id');
		if (dbError || !data?.length) return fail(400, { activeError: true });
		if (parsed.data.active === 'false') redirect(303, '/staff/admin/staff?done=deactivated');
		return { activeChanged: parsed.data.user_id };
	}
};
