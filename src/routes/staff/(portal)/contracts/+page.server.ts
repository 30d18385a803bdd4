import { organisationToday } from '$lib/format/date';
import type { PageServerLoad } from './$types';
import type { ContractTiming } from '$lib/staff/contract-timing';

const FILTERS = ['all', 'open', 'delivered', 'overdue'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 200;

interface ListedContract {
	id: string;
	reference: string;
	title: string;
	due_date: string;
	delivered_at: string | null;
	conformity: 'pending' | 'accepted' | 'rejected';
	contract_timing: ContractTiming;
	client: { id: string; name: string } | null;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const requested = url.searchParams.get('show');
	const filter: Filter = (FILTERS as readonly string[]).includes(requested ?? '') ? (requested as Filter) : 'all';
	const today = organisationToday();
	let query = locals.supabase
		.from('contracts')
		.select('id, reference, title, due_date, delivered_at, conformity, contract_timing, client:clients(id, name)')
		.order('due_date', { ascending: false })
		.limit(PAGE_SIZE);
	if (filter === 'open') query = query.is('delivered_at', null);
	if (filter === 'delivered') query = query.not('delivered_at', 'is', null);
	if (filter === 'overdue') query = query.is('delivered_at', null).lt('due_date', today);
	// contract_timing is a computed field (a SQL function of the row), which the type generator does not list.
	const { data, error } = await query.overrideTypes<ListedContract[], { merge: false }>();
	if (error) console.error('contracts list', error.message);
	// The on-time rule lives in SQL (private.contract_timing), shared with the CCT indicator.
	const contracts = (data ?? []).map(({ contract_timing, ...contract }) => ({ ...contract, timing: contract_timing }));
	return { contracts, filter, filters: FILTERS };
};
