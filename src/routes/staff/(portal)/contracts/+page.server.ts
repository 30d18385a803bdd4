import type { PageServerLoad } from './$types';
import { contractTiming } from '$lib/staff/contract-timing';

const FILTERS = ['all', 'open', 'delivered', 'overdue'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 200;

export const load: PageServerLoad = async ({ locals, url }) => {
	const requested = url.searchParams.get('show');
	const filter: Filter = (FILTERS as readonly string[]).includes(requested ?? '') ? (requested as Filter) : 'all';
	const today = new Date().toISOString().slice(0, 10);
	let query = locals.supabase
		.from('contracts')
		.select('id, reference, title, due_date, delivered_at, conformity, client:clients(id, name)')
		.order('due_date', { ascending: false })
		.limit(PAGE_SIZE);
	if (filter === 'open') query = query.is('delivered_at', null);
	if (filter === 'delivered') query = query.not('delivered_at', 'is', null);
	if (filter === 'overdue') query = query.is('delivered_at', null).lt('due_date', today);
	const { data, error } = await query;
	if (error) console.error('contracts list', error.message);
	const contracts = (data ?? []).map((contract) => ({
		...contract,
		timing: contractTiming(contract.due_date, contract.delivered_at, today)
	}));
	return { contracts, filter, filters: FILTERS };
};
