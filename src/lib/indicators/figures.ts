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

/** One deadline clock over the complaints received in a period: verdicts of the clocks that stopped. */
export type ClockCompliance = { met: number; breached: number; value: number | null };

export type ComplaintStatistics = {
	total: number;
	byStatus: { status: Enums<'feedback_status'>; items: number }[];
	byCategory: { category: string; items: number }[];
	suggestions: number;
	resolved: number;
	medianHoursToResolve: number | null;
	/** Absent from reviews frozen before deadline compliance was counted. */
	deadlines?: { firstResponse: ClockCompliance; resolution: ClockCompliance };
	reopened?: { items: number; closed: number; value: number | null };
};

/** public.action_plan_statistics: plans of a period and those still open (as RLS lets the reader see them). */
export type PlanStatistics = {
	opened: number;
	verifiedEffective: number;
	notEffective: number;
	openFromEarlier: number;
	openByStatus: Partial<Record<Enums<'action_plan_status'>, number>>;
	open: {
		id: string;
		title: string;
		status: Enums<'action_plan_status'>;
		owner: string | null;
		openedOn: string;
		verificationDueOn: string | null;
	}[];
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
	/** Absent from reviews frozen before plans were counted. */
	plans?: PlanStatistics;
};

/** The first day of the quarter `quarters - 1` quarters before today's, and the first day after today's quarter. */
export function quarterSpan(quarters: number, today = new Date()): { first: string; end: string } {
	const month = Math.floor(today.getUTCMonth() / 3) * 3;
	const day = (offset: number) => new Date(Date.UTC(today.getUTCFullYear(), month + offset, 1)).toISOString().slice(0, 10);
	return { first: day(-3 * (quarters - 1)), end: day(3) };
}

/** The link a not-met quarter offers; the corrective-action plan form (issue 10) reads these parameters. */
export function correctiveActionHref(indicator: IndicatorCode, quarter: string): string {
	const query = new URLSearchParams({ origin: 'indicator', indicator, quarter });
	return `/staff/actions/new?${query}`;
}
