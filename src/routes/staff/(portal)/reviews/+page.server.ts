import { error } from '@sveltejs/kit';
import { can } from '$lib/staff/permissions';
import type { PageServerLoad } from './$types';

/** The last eight quarters, newest first, with the state of their review. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!can.readReviews(locals.staff!)) error(403, 'Forbidden');
	const { data } = await locals.supabase.from('management_reviews').select('quarter, approved_at').order('quarter', { ascending: false });
	const reviews = new Map((data ?? []).map((review) => [review.quarter, review.approved_at]));
	const today = new Date();
	const quarters = Array.from({ length: 8 }, (_, back) => {
		const start = new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3 - back * 3, 1));
		const iso = start.toISOString().slice(0, 10);
		const label = `${start.getUTCFullYear()}-Q${start.getUTCMonth() / 3 + 1}`;
		return { label, started: reviews.has(iso), approvedAt: reviews.get(iso) ?? null };
	});
	return { quarters };
};
