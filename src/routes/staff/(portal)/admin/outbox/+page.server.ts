// /staff/admin/outbox: every e-mail the worker sends or sent, failed ones first to look at; admins only
// (public.outbox_messages checks the role; the outbox itself is private).
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const STATUSES = ['pending', 'sent', 'failed', 'held', 'digested'] as const;
const filterSchema = z.object({ status: z.enum(STATUSES).optional().catch(undefined) });

function requireAdmin(locals: App.Locals) {
	if (locals.staff!.role !== 'admin') error(403, 'Forbidden');
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const { status } = filterSchema.parse({ status: url.searchParams.get('status') ?? undefined });
	const { data, error: failure } = await locals.supabase.rpc('outbox_messages', { p_status: status, p_limit: 200 });
	if (failure) error(503, 'unavailable');
	return { messages: data ?? [], status: status ?? null, statuses: STATUSES };
};

export const actions: Actions = {
	retry: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = z.object({ id: z.uuid() }).safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { retried: false });
		const { data, error: failure } = await locals.supabase.rpc('retry_outbox_message', { p_id: parsed.data.id });
		if (failure || data !== true) return fail(409, { retried: false });
		return { retried: true };
	}
};
