import { can } from '$lib/staff/permissions';
import type { DashboardFigures, IndicatorFigure } from '$lib/indicators/figures';
import type { PageServerLoad } from './$types';

/** Headline figures on the home page: this quarter and the last closed one, for whoever may see indicators. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!can.seeIndicators(locals.staff!)) return { headline: null };
	const { data, error } = await locals.supabase.rpc('dashboard_aggregates', { p_filters: { quarters: 2 } });
	if (error) {
		console.error('home headline', error.message);
		return { headline: null };
	}
	// The SQL function answers one jsonb object of this shape (src/lib/indicators/figures.ts).
	const figures = data as DashboardFigures;
	const pick = (code: IndicatorFigure['indicator']) => figures.quarters.filter((q) => q.indicator === code);
	return { headline: [...pick('sc'), ...pick('cct')] };
};
