import type { PageServerLoad } from './$types';
import { REQUIREMENT_STATUSES } from '$lib/staff/requirement-schema';

const PAGE_SIZE = 200;

export const load: PageServerLoad = async ({ locals, url }) => {
	const requested = url.searchParams.get('status') ?? '';
	const status = REQUIREMENT_STATUSES.find((value) => value === requested) ?? '';
	let query = locals.supabase
		.from('requirements')
		.select('id, statement, priority, status, source, client:clients(id, name)')
		.order('created_at', { ascending: false })
		.limit(PAGE_SIZE);
	if (status) query = query.eq('status', status);
	const { data, error } = await query;
	if (error) console.error('requirements list', error.message);
	return { requirements: data ?? [], status, statuses: REQUIREMENT_STATUSES };
};
