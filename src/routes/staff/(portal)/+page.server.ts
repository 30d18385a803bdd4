import { loadInboxCounts } from '$lib/server/triage/inbox';
import { loadPlanCounts } from '$lib/server/actions/counts';
import { can } from '$lib/staff/permissions';
import type { DashboardFigures, IndicatorFigure } from '$lib/indicators/figures';
import type { PageServerLoad } from './$types';

/** Headline figures: this quarter and the last closed one, for whoever may see indicators. */
async function loadHeadline(locals: App.Locals): Promise<IndicatorFigure[] | null> {
	if (!can.seeIndicators(locals.staff!)) return null;
	const { data, error } = await locals.supabase.rpc('dashboard_aggregates', { p_filters: { quarters: 2 } });
	if (error) {
		console.error('home headline', error.message);
		return null;
	}
	// The SQL function answers one jsonb object of this shape (src/lib/indicators/figures.ts).
	const figures = data as DashboardFigures;
	const pick = (code: IndicatorFigure['indicator']) => figures.quarters.filter((q) => q.indicator === code);
	return [...pick('sc'), ...pick('cct')];
}

// The staff home shows "my queue" (each count a link into the inbox), the corrective action plans due for
// verification (the scheduled check, run on page load) and the headline indicators.
export const load: PageServerLoad = async ({ locals }) => {
	const [queue, planCounts, headline] = await Promise.all([
		loadInboxCounts(locals.supabase),
		loadPlanCounts(locals.supabase),
		loadHeadline(locals)
	]);
	return { queue, planCounts, headline };
};
