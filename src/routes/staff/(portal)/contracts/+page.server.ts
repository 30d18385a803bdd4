import { organisationToday } from '$lib/format/date';
import { keysetQuery, listPage, readListRequest, type SortColumn } from '$lib/server/keyset';
import type { ContractTiming } from '$lib/staff/contract-timing';
import type { Tables } from '$lib/database.types';
import type { PageServerLoad } from './$types';

const FILTERS = ['all', 'open', 'delivered', 'overdue'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 50;
const SORTS = {
	due_date: { column: 'due_date' },
	reference: { column: 'reference' },
	delivered_at: { column: 'delivered_at', nullable: true }
} satisfies Record<string, SortColumn>;

type ListedContract = Pick<Tables<'contracts'>, 'id' | 'reference' | 'title' | 'due_date' | 'delivered_at' | 'conformity'> & {
	contract_timing: ContractTiming;
	client: { id: string; name: string } | null;
};

export const load: PageServerLoad = async ({ locals, url }) => {
	const requested = url.searchParams.get('show');
	const filter: Filter = (FILTERS as readonly string[]).includes(requested ?? '') ? (requested as Filter) : 'all';
	const search = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const request = readListRequest(url, SORTS, { sort: 'due_date', dir: 'desc' });
	const today = organisationToday();
	// The same filters for the page and for its total.
	const filtered = <
		Q extends {
			is(column: 'delivered_at', value: null): Q;
			not(column: 'delivered_at', op: 'is', value: null): Q;
			lt(column: 'due_date', value: string): Q;
			or(filter: string): Q;
		}
	>(
		query: Q
	) => {
		let result = query;
		if (filter === 'open') result = result.is('delivered_at', null);
		if (filter === 'delivered') result = result.not('delivered_at', 'is', null);
		if (filter === 'overdue') result = result.is('delivered_at', null).lt('due_date', today);
		if (search) {
			const pattern = `%${search.replace(/[%_"\\(),.:*]/g, ' ').trim()}%`;
			result = result.or(`reference.ilike.${pattern},title.ilike.${pattern}`);
		}
		return result;
	};
	const [{ data, error }, { count }] = await Promise.all([
		// contract_timing is a computed field (a SQL function of the row) typed as text; the override narrows it to its values.
		keysetQuery(
			filtered(
				locals.supabase
					.from('contracts')
					.select('id, reference, title, due_date, delivered_at, conformity, contract_timing, client:clients(id, name)')
			),
			SORTS[request.sort],
			request,
			PAGE_SIZE
		).overrideTypes<ListedContract[], { merge: false }>(),
		filtered(locals.supabase.from('contracts').select('id', { count: 'exact', head: true }))
	]);
	if (error) console.error('contracts list', error.message);
	const list = listPage(url, data ?? [], request, PAGE_SIZE, count ?? 0, (row) => row[request.sort]);
	// The on-time rule lives in SQL (private.contract_timing), shared with the CCT indicator.
	return { list, filter, filters: FILTERS, search };
};
