// /staff/admin/webhooks: the organisation's other tools get signed POSTs for the events they choose; admins add,
// switch off and remove endpoints, send a test, and read the delivery log. RLS lets only admins see any of it.
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const WEBHOOK_EVENTS = ['item.created', 'item.status_changed', 'response.received', 'indicator.not_met'] as const;

const endpointSchema = z.object({
	url: z
		.string()
		.trim()
		.max(2000)
		.regex(/^(https:\/\/[^\s/]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$))/),
	description: z.string().trim().max(200).optional(),
	events: z.array(z.enum(WEBHOOK_EVENTS)).min(1)
});
const idSchema = z.object({ id: z.uuid() });

function requireAdmin(locals: App.Locals) {
	if (locals.staff!.role !== 'admin') error(403, 'Forbidden');
}

export const load: PageServerLoad = async ({ locals }) => {
	requireAdmin(locals);
	const [endpoints, deliveries] = await Promise.all([
		locals.supabase.from('webhook_endpoints').select('id, url, description, secret, events, active, created_at').order('created_at'),
		locals.supabase
			.from('webhook_deliveries')
			.select('id, endpoint_id, event, status, attempts, last_status_code, last_error, created_at')
			.order('created_at', { ascending: false })
			.limit(50)
	]);
	if (endpoints.error || deliveries.error) error(503, 'unavailable');
	return { endpoints: endpoints.data, deliveries: deliveries.data, events: WEBHOOK_EVENTS };
};

async function idFrom(request: Request) {
	return idSchema.safeParse(Object.fromEntries(await request.formData()));
}

export const actions: Actions = {
	add: async ({ request, locals }) => {
		requireAdmin(locals);
		const form = await request.formData();
		const parsed = endpointSchema.safeParse({
			url: form.get('url'),
			description: form.get('description') || undefined,
			events: form.getAll('events')
		});
		if (!parsed.success) return fail(400, { problem: 'invalid' as const });
		const { error: failure } = await locals.supabase.from('webhook_endpoints').insert(parsed.data);
		if (failure) return fail(400, { problem: 'invalid' as const });
		return { done: 'added' as const };
	},
	toggle: async ({ request, locals }) => {
		requireAdmin(locals);
		const form = await request.formData();
		const parsed = idSchema.safeParse({ id: form.get('id') });
		if (!parsed.success) return fail(400, { problem: 'invalid' as const });
		const { error: failure } = await locals.supabase
			.from('webhook_endpoints')
			.update({ active: form.get('active') === 'true' })
			.eq('id', parsed.data.id);
		if (failure) return fail(503, { problem: 'failed' as const });
		return { done: 'saved' as const };
	},
	remove: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = await idFrom(request);
		if (!parsed.success) return fail(400, { problem: 'invalid' as const });
		const { error: failure } = await locals.supabase.from('webhook_endpoints').delete().eq('id', parsed.data.id);
		if (failure) return fail(503, { problem: 'failed' as const });
		return { done: 'removed' as const };
	},
	test: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = await idFrom(request);
		if (!parsed.success) return fail(400, { problem: 'invalid' as const });
		const { error: failure } = await locals.supabase.rpc('send_test_webhook', { p_endpoint_id: parsed.data.id });
		if (failure) return fail(409, { problem: 'failed' as const });
		return { done: 'tested' as const };
	}
};
