import type { PageServerLoad } from './$types';
import { REQUIREMENT_STATUSES } from '$lib/staff/requirement-schema';
import { keysetQuery, listPage, readListRequest, type SortColumn } from '$lib/server/keyset';

const PAGE_SIZE = 50;
// Priority is an enum: PostgreSQL orders it low → critical, as declared.
const SORTS = { created_at: { column: 'created_at' }, priority: { column: 'priority' } } satisfies Record<string, SortColumn>;

export const load: PageServerLoad = async ({ locals, url }) => {
	const requested = url.searchParams.get('status') ?? '';
	const status = REQUIREMENT_STATUSES.find((value) => value === requested) ?? '';
	const request = readListRequest(url, SORTS, { sort: 'created_at', dir: 'desc' });
	const filtered = <Q extends { eq(column: 'status', value: (typeof REQUIREMENT_STATUSES)[number]): Q }>(query: Q) =>
		status ? query.eq('status', status) : query;
	const [{ data, error }, { count }] = await Promise.all([
		keysetQuery(
			filtered(
				locals.supabase.from('requirements').select('id, statement, priority, status, source, created_at, client:clients(id, name)')
			),
			SORTS[request.sort],
			request,
			PAGE_SIZE
		),
		filtered(locals.supabase.from('requirements').select('id', { count: 'exact', head: true }))
	]);
	if (error) console.error('requirements list', error.message);
	const list = listPage(url, data ?? [], request, PAGE_SIZE, count ?? 0, (row) => row[request.sort]);
	return { list, status, statuses: REQUIREMENT_STATUSES };
};
