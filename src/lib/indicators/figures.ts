// The shapes public.dashboard_aggregates and public.review_figures answer (jsonb), as the screens read them.
// The maths (n, Wilson interval, status) is done in SQL: supabase/migrations/20261201002000_indicators.sql.
import type { Enums } from '$lib/database.types';

export type IndicatorCode = Enums<'indicator_code'>;
export type IndicatorStatus = 'met' | 'not_met' | 'inconclusive' | 'no_data' | 'no_target';

export type IndicatorFigure = {
	indicator: IndicatorCode;
	/** '2026-Q3' */
	quarter: string;
	successes: number;
	n: number;
	/** Percentages with one decimal; null when n = 0. */
	value: number | null;
	lower: number | null;
	upper: number | null;
	target: number | null;
	status: IndicatorStatus;
	/** Set when the figure is a closed quarter's frozen snapshot. */
	frozenAt?: string | null;
	restatement?: { successes: number; n: number; value: number | null; restatedAt: string } | null;
};

export type TrendPoint = {
	/** First day of the week or month, YYYY-MM-DD. */
	period: string;
	responses: number;
	npsN: number;
	nps: number | null;
	promoters: number;
	detractors: number;
	csatN: number;
	csatTop: number;
	csat: number | null;
	csatLower: number | null;
	csatUpper: number | null;
};

export type ComplaintStatistics = {
	total: number;
	byStatus: { status: Enums<'feedback_status'>; items: number }[];
	byCategory: { category: string; items: number }[];
	suggestions: number;
	resolved: number;
	medianHoursToResolve: number | null;
};

export type DashboardFigures = {
	quarters: IndicatorFigure[];
	trend: TrendPoint[];
	complaints: ComplaintStatistics;
	responseRate: { sent: number; responded: number; value: number | null };
	scope: { clients: number | null; firstQuarter: string; lastQuarter: string };
};

export type ReviewFigures = {
	quarter: string;
	indicators: IndicatorFigure[];
	complaints: ComplaintStatistics;
	contractsByClient: { client: string; contracts: number; fulfilled: number; value: number | null }[];
	lowestQuestions: { label: { es: string; en: string }; type: string; n: number; average: number; share: number }[];
};

/** The link a not-met quarter offers; the corrective-action plan form (issue 10) reads these parameters. */
export function correctiveActionHref(indicator: IndicatorCode, quarter: string): string {
	const query = new URLSearchParams({ origin: 'indicator', indicator, quarter });
	return `/staff/actions/new?${query}`;
}
