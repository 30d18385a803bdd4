import { error } from '@sveltejs/kit';
import { readDashboardFilters, toRpcFilters } from '$lib/indicators/filters';
import { can } from '$lib/staff/permissions';
import { quarterSpan, type DashboardFigures, type PlanStatistics } from '$lib/indicators/figures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, depends }) => {
	// The live channel's notices invalidate this key, so only the figures are fetched again.
	depends('app:dashboard');
	if (!can.seeIndicators(locals.staff!)) error(403, 'Forbidden');
	const filters = readDashboardFilters(url.searchParams);
	const span = quarterSpan(filters.quarters);
	const [figures, plans, clients, managers, surveys] = await Promise.all([
		locals.supabase.rpc('dashboard_aggregates', { p_filters: toRpcFilters(filters) }),
		locals.supabase.rpc('action_plan_statistics', { p_first_day: span.first, p_end_day: span.end }),
		locals.supabase.from('clients').select('id, name, sector').order('name').limit(1000),
		locals.supabase.from('staff_members').select('user_id, full_name').eq('role', 'account_manager').eq('active', true).order('full_name'),
		locals.supabase.from('surveys').select('id, definition, version').order('created_at', { ascending: false }).limit(200)
	]);
	if (figures.error || plans.error) {
		console.error('dashboard aggregates', (figures.error ?? plans.error)?.message);
		error(500, 'Internal error');
	}
	const sectors = [...new Set((clients.data ?? []).map((client) => client.sector).filter((sector) => !!sector))].sort() as string[];
	return {
		filters,
		// The SQL function answers one jsonb object of this shape (src/lib/indicators/figures.ts).
		figures: figures.data as DashboardFigures,
		plans: plans.data as PlanStatistics,
		options: {
			clients: (clients.data ?? []).map(({ id, name }) => ({ id, name })),
			sectors,
			accountManagers: (managers.data ?? []).map((staff) => ({ id: staff.user_id, name: staff.full_name })),
			surveys: (surveys.data ?? []).map((survey) => ({ id: survey.id, title: surveyTitle(survey.definition), version: survey.version }))
		}
	};
};

function surveyTitle(definition: unknown): { es: string; en: string } {
	const title = (definition as { title?: { es?: string; en?: string } } | null)?.title;
	return { es: title?.es ?? '', en: title?.en ?? title?.es ?? '' };
}
