import { error } from '@sveltejs/kit';
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

export const load: PageServerLoad = async ({ locals }) => {
	requireAdmin(locals);
	const { data } = await locals.supabase.from('staff_members').select('user_id, full_name, email, role, active').order('full_name');
	return { members: data ?? [], form: await superValidate(zod4(inviteSchema)), me: locals.staff!.userId };
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
	setActive: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = activeSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { activeError: true });
		const { data, error: dbError } = await locals.supabase
			.from('staff_members')
			.update({ active: parsed.data.active === 'true' })
			.eq('user_id', parsed.data.user_id)
			.select('user_id');
		if (dbError || !data?.length) return fail(400, { activeError: true });
		return { activeChanged: parsed.data.user_id };
	}
};
