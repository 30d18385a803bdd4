// Dashboard filters live in the URL (shareable, work without JavaScript); this schema reads them.
import { z } from 'zod';
import { Constants } from '$lib/database.types';

const optionalUuid = z.preprocess((value) => (value === '' ? undefined : value), z.uuid().optional());
const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().max(100).optional());

export const PERIODS = [4, 8, 12] as const;

export const dashboardFilterSchema = z.object({
	quarters: z.coerce
		.number()
		.refine((value) => (PERIODS as readonly number[]).includes(value))
		.catch(8),
	grain: z.enum(['month', 'week']).catch('month'),
	client: optionalUuid.catch(undefined),
	sector: optionalText.catch(undefined),
	accountManager: optionalUuid.catch(undefined),
	survey: optionalUuid.catch(undefined),
	channel: z.enum(Constants.public.Enums.response_channel).optional().catch(undefined)
});
export type DashboardFilters = z.infer<typeof dashboardFilterSchema>;

/** Unknown or malformed parameters fall back to their default instead of failing the page. */
export function readDashboardFilters(params: URLSearchParams): DashboardFilters {
	const raw = Object.fromEntries([...params].filter(([, value]) => value !== ''));
	return dashboardFilterSchema.parse(raw);
}

/** The filters as the SQL function takes them: only what is set. */
export function toRpcFilters(filters: DashboardFilters): Record<string, string | number> {
	return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as Record<string, string | number>;
}
