import { error } from '@sveltejs/kit';
import { keysetQuery, listPage, readListRequest, type SortColumn } from '$lib/server/keyset';
import { canEditSurveys } from './can-edit-surveys.ts';
import type { PageServerLoad } from './$types';

export interface SurveyRow {
	id: string;
	trigger_point: string;
	status: string;
	version: number;
	created_at: string;
	title: { es: string; en: string };
	questions: unknown[];
}

const PAGE_SIZE = 50;
const SORTS = {
	created_at: { column: 'created_at' },
	status: { column: 'status' },
	trigger_point: { column: 'trigger_point' }
} satisfies Record<string, SortColumn>;
const STATUSES = ['draft', 'active', 'closed'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = locals.staff!;
	const request = readListRequest(url, SORTS, { sort: 'created_at', dir: 'desc' });
	const status = STATUSES.find((value) => value === url.searchParams.get('status')) ?? '';
	const filtered = <Q extends { eq(column: 'status', value: (typeof STATUSES)[number]): Q }>(query: Q) =>
		status ? query.eq('status', status) : query;
	// RLS lets every active staff member read surveys; only editors see the buttons.
	const [{ data, error: dbError }, { count }] = await Promise.all([
		keysetQuery(
			filtered(
				locals.supabase
					.from('surveys')
					.select('id, trigger_point, status, version, created_at, title:definition->title, questions:definition->questions')
			),
			SORTS[request.sort],
			request,
			PAGE_SIZE
		).overrideTypes<SurveyRow[], { merge: false }>(),
		filtered(locals.supabase.from('surveys').select('id', { count: 'exact', head: true }))
	]);
	if (dbError) error(503, 'Surveys unavailable');
	const list = listPage(url, data, request, PAGE_SIZE, count ?? 0, (row) => row[request.sort]);
	return { list, status, statuses: STATUSES, canEdit: canEditSurveys(staff.role), savedId: url.searchParams.get('saved') };
};
