import { error } from '@sveltejs/kit';
import { keysetQuery, listPage, readListRequest, type SortColumn } from '$lib/server/keyset';
import { invitationStatus } from './invitation-status.ts';
import { selectInvitations, toInvitationRow } from './invitation-row.server.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;
const SORTS = {
	created_at: { column: 'created_at' },
	expires_at: { column: 'expires_at', nullable: true },
	// A computed field: a link's own count plus a campaign poster's counter rows (public.uses).
	use_count: { column: 'uses' }
} satisfies Record<string, SortColumn>;
const KINDS = ['personal', 'campaign'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const request = readListRequest(url, SORTS, { sort: 'created_at', dir: 'desc' });
	const kind = KINDS.find((value) => value === url.searchParams.get('kind')) ?? '';
	const search = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	const filtered = <Q extends { eq(column: 'kind', value: (typeof KINDS)[number]): Q; ilike(column: 'label', pattern: string): Q }>(
		query: Q
	) => {
		let result = kind ? query.eq('kind', kind) : query;
		if (search) result = result.ilike('label', `%${search.replace(/[%_\\]/g, ' ')}%`);
		return result;
	};
	const [{ data, error: dbError }, { count }] = await Promise.all([
		keysetQuery(filtered(selectInvitations(locals.supabase)), SORTS[request.sort], request, PAGE_SIZE),
		filtered(locals.supabase.from('survey_invitations').select('id', { count: 'exact', head: true }))
	]);
	if (dbError) error(503, 'Invitations unavailable');
	const rows = data.map(toInvitationRow).map(({ token_hash: _hash, ...row }) => ({ ...row, status: invitationStatus(row) }));
	const list = listPage(url, rows, request, PAGE_SIZE, count ?? 0, (row) => {
		const value = row[request.sort];
		return value === null ? null : String(value);
	});
	return { list, kind, kinds: KINDS, search };
};
