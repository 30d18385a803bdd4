// CSV of one table of the review page, or the raw responses and items of the quarter (read as the caller, so RLS applies).
import { error } from '@sveltejs/kit';
import { can } from '$lib/staff/permissions';
import { csvResponse, toCsv, type CsvCell } from '$lib/server/csv';
import { loadReview } from '../../review.server';
import type { RequestHandler } from './$types';

const PAGE = 1000;

async function allRows<T>(fetchPage: (from: number, to: number) => PromiseLike<{ data: T[] | null }>): Promise<T[]> {
	const rows: T[] = [];
	for (let from = 0; ; from += PAGE) {
		const { data } = await fetchPage(from, from + PAGE - 1);
		rows.push(...(data ?? []));
		if (!data || data.length < PAGE) return rows;
	}
}

export const GET: RequestHandler = async ({ locals, params }) => {
	if (!can.readReviews(locals.staff!)) error(403, 'Forbidden');
	const review = await loadReview(locals, params.quarter);
	const end = new Date(`${review.start}T00:00:00Z`);
	end.setUTCMonth(end.getUTCMonth() + 3);
	const [from, to] = [review.start, end.toISOString().slice(0, 10)];
	const tables: Record<string, () => Promise<[string[], CsvCell[][]]>> = {
		indicators: async () => [
			['indicator', 'quarter', 'value_percent', 'successes', 'n', 'lower_percent', 'upper_percent', 'target_percent', 'status'],
			review.figures.indicators.map((f) => [f.indicator, f.quarter, f.value, f.successes, f.n, f.lower, f.upper, f.target, f.status])
		],
		complaints_by_category: async () => [
			['category', 'complaints'],
			review.figures.complaints.byCategory.map((r) => [r.category, r.items])
		],
		complaints_by_status: async () => [['status', 'complaints'], review.figures.complaints.byStatus.map((r) => [r.status, r.items])],
		deadline_compliance: async () => {
			const deadlines = review.figures.complaints.deadlines;
			const reopened = review.figures.complaints.reopened;
			return [
				['figure', 'met_or_reopened', 'breached_or_closed', 'percent'],
				deadlines && reopened
					? [
							['first_response', deadlines.firstResponse.met, deadlines.firstResponse.breached, deadlines.firstResponse.value],
							['resolution', deadlines.resolution.met, deadlines.resolution.breached, deadlines.resolution.value],
							['reopen_rate', reopened.items, reopened.closed, reopened.value]
						]
					: []
			];
		},
		open_plans: async () => [
			['id', 'title', 'status', 'owner', 'opened_on', 'verification_due_on'],
			(review.figures.plans?.open ?? []).map((p) => [p.id, p.title, p.status, p.owner, p.openedOn, p.verificationDueOn])
		],
		contracts_by_client: async () => [
			['client', 'contracts', 'fulfilled', 'cct_percent'],
			review.figures.contractsByClient.map((r) => [r.client, r.contracts, r.fulfilled, r.value])
		],
		decisions: async () => [
			['description', 'owner_id', 'due_date', 'state', 'created_at'],
			review.decisions.map((d) => [d.description, d.owner_id, d.due_date, d.state, d.created_at])
		],
		responses: async () => {
			const rows = await allRows((a, b) =>
				locals.supabase
					.from('survey_responses')
					.select('id, created_at, survey_id, client_id, channel, satisfaction_score, is_satisfied, answers')
					.gte('created_at', from)
					.lt('created_at', to)
					.order('created_at')
					.range(a, b)
			);
			return [
				['id', 'created_at', 'survey_id', 'client_id', 'channel', 'satisfaction_score', 'is_satisfied', 'answers'],
				rows.map((r) => [
					r.id,
					r.created_at,
					r.survey_id,
					r.client_id,
					r.channel,
					r.satisfaction_score,
					r.is_satisfied,
					JSON.stringify(r.answers)
				])
			];
		},
		items: async () => {
			const rows = await allRows((a, b) =>
				locals.supabase
					.from('feedback_items')
					.select('id, created_at, kind, status, category, subject, client_id, resolved_at')
					.gte('created_at', from)
					.lt('created_at', to)
					.order('created_at')
					.range(a, b)
			);
			return [
				['id', 'created_at', 'kind', 'status', 'category', 'subject', 'client_id', 'resolved_at'],
				rows.map((r) => [r.id, r.created_at, r.kind, r.status, r.category, r.subject, r.client_id, r.resolved_at])
			];
		}
	};
	const build = tables[params.table];
	if (!build) error(404, 'Not found');
	const [header, rows] = await build();
	return csvResponse(`revision-${params.quarter}-${params.table}.csv`, toCsv(header, rows));
};
