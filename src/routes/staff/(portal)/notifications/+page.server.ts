// /staff/notifications: how one's own e-mail notices arrive (immediately, as a daily digest, or not at all).
// RLS lets each person read and write only their own row.
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const MODES = ['immediate', 'digest', 'off'] as const;
const preferenceSchema = z.object({ mode: z.enum(MODES) });

export const load: PageServerLoad = async ({ locals }) => {
	const { data } = await locals.supabase.from('notification_preferences').select('mode').eq('user_id', locals.staff!.userId).maybeSingle();
	return { mode: data?.mode ?? 'immediate', modes: MODES };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = preferenceSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { saved: false });
		const { error } = await locals.supabase
			.from('notification_preferences')
			.upsert({ user_id: locals.staff!.userId, mode: parsed.data.mode });
		if (error) return fail(503, { saved: false });
		return { saved: true };
	}
};
