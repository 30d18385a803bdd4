import type { PageServerLoad } from './$types';
import { can } from '$lib/staff/permissions';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ locals, url }) => {
	const search = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	let query = locals.supabase
		.from('clients')
		.select('id, name, tax_id, sector, account_manager:staff_members(full_name)')
		.order('name')
		.limit(PAGE_SIZE);
	if (search) {
		// PostgREST's or() takes a filter string: drop the characters that carry meaning there or in LIKE.
		const pattern = `%${search.replace(/[%_"\\(),.:*]/g, ' ').trim()}%`;
		query = query.or(`name.ilike.${pattern},tax_id.ilike.${pattern}`);
	}
	const { data, error } = await query;
	if (error) console.error('clients list', error.message);
	return { clients: data ?? [], search, canCreate: can.createClient(locals.staff!) };
};
