import { Constants, type Enums } from '$lib/database.types';
import { canEditPlans, loadOwners } from '$lib/server/actions/plans';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
	values.includes(value as T) ? (value as T) : null;

export const load: PageServerLoad = async ({ locals, url }) => {
	const params = url.searchParams;
	const status = oneOf(Constants.public.Enums.action_plan_status, params.get('status'));
	const origin = oneOf(Constants.public.Enums.action_plan_origin, params.get('origin'));
	const owner = /^[0-9a-f-]{36}$/i.test(params.get('owner') ?? '') ? params.get('owner') : null;
	const overdue = params.get('overdue') === '1';
	const due = params.get('due') === '1';
	// The cursor is the last row's (created_at, id): keyset pages stay correct while plans are added.
	const [afterCreatedAt, afterId] = (params.get('after') ?? '').split('|');
	const validCursor = !Number.isNaN(Date.parse(afterCreatedAt)) && /^[0-9a-f-]{36}$/i.test(afterId ?? '');
	const [page, owners] = await Promise.all([
		locals.supabase.rpc('action_plans_page', {
			p_status: status ?? undefined,
			p_origin: origin ?? undefined,
			p_owner: owner ?? undefined,
			p_overdue: overdue,
			p_verification_due: due,
			p_after_created_at: validCursor ? afterCreatedAt : undefined,
			p_after_id: validCursor ? afterId : undefined,
			p_limit: PAGE_SIZE + 1
		}),
		loadOwners(locals.supabase)
	]);
	const rows = page.data ?? [];
	const last = rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1] : null;
	const next = new URLSearchParams(params);
	if (last) next.set('after', `${last.created_at}|${last.id}`);
	return {
		plans: rows.slice(0, PAGE_SIZE),
		nextHref: last ? `?${next}` : null,
		filters: { status: status as Enums<'action_plan_status'> | null, origin, owner, overdue, due },
		owners: owners.planOwners,
		canCreate: canEditPlans(locals.staff!.role)
	};
};
