import type { PageServerLoad } from './$types';
import { can } from '$lib/staff/permissions';
import { keysetQuery, listPage, readListRequest, type SortColumn } from '$lib/server/keyset';

const PAGE_SIZE = 50;
const SORTS = {
	name: { column: 'name' },
	sector: { column: 'sector', nullable: true },
	created_at: { column: 'created_at' }
} satisfies Record<string, SortColumn>;

export const load: PageServerLoad = async ({ locals, url }) => {
	const search = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const archived = url.searchParams.get('archived') === '1';
	const request = readListRequest(url, SORTS, { sort: 'name', dir: 'asc' });
	// The same filters for the page and for its total.
	const filtered = <
		Q extends { or(filter: string): Q; is(column: 'archived_at', value: null): Q; not(column: 'archived_at', op: 'is', value: null): Q }
	>(
		query: Q
	) => {
		let result = archived ? query.not('archived_at', 'is', null) : query.is('archived_at', null);
		if (search) {
			// PostgREST's or() takes a filter string: drop the characters that carry meaning there or in LIKE.
			const pattern = `%${search.replace(/[%_"\\(),.:*]/g, ' ').trim()}%`;
			result = result.or(`name.ilike.${pattern},tax_id.ilike.${pattern}`);
		}
		return result;
	};
	const [{ data, error }, { count }] = await Promise.all([
		keysetQuery(
			filtered(locals.supabase.from('clients').select('id, name, tax_id, sector, created_at, account_manager:staff_members(full_name)')),
			SORTS[request.sort],
			request,
			PAGE_SIZE
		),
		filtered(locals.supabase.from('clients').select('id', { count: 'exact', head: true }))
	]);
	if (error) console.error('clients list', error.message);
	const list = listPage(url, data ?? [], request, PAGE_SIZE, count ?? 0, (row) => row[request.sort]);
	return { list, search, archived, canCreate: can.createClient(locals.staff!) };
};
