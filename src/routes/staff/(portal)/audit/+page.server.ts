import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { loadStaffNames } from '$lib/server/triage/inbox';
import type { PageServerLoad } from './$types';

const AUDITED_TABLES = [
	'clients',
	'contracts',
	'requirements',
	'surveys',
	'survey_invitations',
	'feedback_items',
	'feedback_messages',
	'staff_members',
	'sla_targets',
	'business_calendar',
	'business_holidays',
	'triage_settings',
	'staff_availability'
] as const;

const PAGE_SIZE = 50;
const blank = (value: unknown) => (value === '' || value === null ? undefined : value);
const filtersSchema = z.object({
	table: z.preprocess(blank, z.enum(AUDITED_TABLES).optional()),
	row: z.preprocess(blank, z.string().trim().max(100).optional()),
	person: z.preprocess(blank, z.uuid().optional()),
	from: z.preprocess(blank, z.iso.date().optional()),
	to: z.preprocess(blank, z.iso.date().optional()),
	before: z.preprocess(blank, z.coerce.number().int().positive().optional())
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = locals.staff!;
	// RLS lets admins and quality read the audit; others are not shown an empty page that looks like "nothing happened".
	if (staff.role !== 'admin' && staff.role !== 'quality') error(403, 'Forbidden');
	const parsed = filtersSchema.safeParse(Object.fromEntries(url.searchParams));
	const filters = parsed.success ? parsed.data : {};
	let query = locals.supabase
		.from('audit_log')
		.select('id, occurred_at, actor_id, actor_role, table_name, row_id, action, old_values, new_values')
		.order('id', { ascending: false })
		.limit(PAGE_SIZE + 1);
	if (filters.table) query = query.eq('table_name', filters.table);
	if (filters.row) query = query.eq('row_id', filters.row);
	if (filters.person) query = query.eq('actor_id', filters.person);
	if (filters.from) query = query.gte('occurred_at', filters.from);
	if (filters.to) query = query.lt('occurred_at', new Date(Date.parse(filters.to) + 86_400_000).toISOString());
	if (filters.before) query = query.lt('id', filters.before);
	const [{ data, error: dbError }, names] = await Promise.all([query, loadStaffNames(locals.supabase)]);
	if (dbError) console.error('audit_log', dbError.code, dbError.message);
	const rows = (data ?? []).slice(0, PAGE_SIZE);
	return { filters, rows, names, older: (data ?? []).length > PAGE_SIZE ? rows.at(-1)?.id : null, tables: AUDITED_TABLES };
};
