// Loads one quarter's review: its record, decisions, the previous review's decisions, and the figures
// (frozen at approval, live before). Shared by the page and its CSV exports.
import { error } from '@sveltejs/kit';
import type { ReviewFigures } from '$lib/indicators/figures';

// The years private.quarter_from_label accepts, so any other label is a 404 rather than a failed query.
const QUARTER = /^(2\d{3})-Q([1-4])$/;

export function quarterStart(label: string): string {
	const match = QUARTER.exec(label);
	if (!match) error(404, 'Not found');
	return `${match[1]}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function previousQuarter(label: string): string {
	const [year, quarter] = label.split('-Q').map(Number);
	return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

export async function loadReview(locals: App.Locals, label: string) {
	const start = quarterStart(label);
	const previousStart = quarterStart(previousQuarter(label));
	const [review, previous] = await Promise.all([
		locals.supabase.from('management_reviews').select('*, decisions:review_decisions(*)').eq('quarter', start).maybeSingle(),
		locals.supabase.from('management_reviews').select('id, decisions:review_decisions(*)').eq('quarter', previousStart).maybeSingle()
	]);
	let figures = review.data?.figures as ReviewFigures | null | undefined;
	if (!figures) {
		const live = await locals.supabase.rpc('review_figures', { p_quarter: label });
		if (live.error) {
			console.error('review figures', live.error.message);
			error(500, 'Internal error');
		}
		figures = live.data as ReviewFigures;
	}
	const byCreation = <T extends { created_at: string }>(rows: T[] | undefined) =>
		[...(rows ?? [])].sort((a, b) => a.created_at.localeCompare(b.created_at));
	return {
		label,
		start,
		review: review.data,
		decisions: byCreation(review.data?.decisions),
		previousDecisions: byCreation(previous.data?.decisions),
		figures
	};
}
