// The admin's deadline and assignment settings as the forms send them. Deadline targets are typed in
// business hours (what people say: "4 h", "3 working days = 27 h") and stored as business minutes.
import { z } from 'zod';
import { Constants } from '$lib/database.types';
import { FEEDBACK_CATEGORIES } from './inbox-filters';

export const PRIORITIES = Constants.public.Enums.feedback_priority;
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

// The database's bounds (sla_targets' checks), in hours.
const hours = (max: number) =>
	z.coerce
		.number()
		.min(1 / 60, 'too_small')
		.max(max, 'too_large');

const targetRow = z
	.object({ first: hours(2400), resolution: hours(9600) })
	.refine((row) => row.first <= row.resolution, { message: 'first_after_resolution', path: ['first'] });

export const targetsSchema = z.object(
	Object.fromEntries(PRIORITIES.map((priority) => [priority, targetRow])) as Record<(typeof PRIORITIES)[number], typeof targetRow>
);

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');

export const calendarSchema = z
	.object({
		time_zone: z.string().refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', 'time_zone'),
		working_days: z.array(z.coerce.number().int('day').min(1, 'day').max(7, 'day')).min(1, 'no_days'),
		day_starts_at: time,
		day_ends_at: time
	})
	.refine((calendar) => calendar.day_ends_at > calendar.day_starts_at, { message: 'ends_before_start', path: ['day_ends_at'] });

export const holidaySchema = z.object({
	holiday_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
	name: z.string().trim().min(1, 'name').max(200, 'name')
});

export const removeHolidaySchema = holidaySchema.pick({ holiday_date: true });

export const autoAssignSchema = z.object({
	categories: z.array(z.enum(FEEDBACK_CATEGORIES)),
	cap: z.coerce.number().int('cap').min(1, 'cap').max(1000, 'cap')
});

export const absenceSchema = z.object({ user_id: z.uuid(), absent: z.enum(['true', 'false']) });

/** Form fields as zod reads them: repeated names (checkboxes) become arrays, `urgent.first` nests. */
export function formFields(data: FormData, arrays: readonly string[] = []): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const name of new Set(data.keys())) {
		const values = data.getAll(name).map(String);
		const value = arrays.includes(name) ? values : values[0];
		const [head, tail] = name.split('.', 2);
		if (tail) fields[head] = { ...((fields[head] as object) ?? {}), [tail]: value };
		else fields[name] = value;
	}
	for (const name of arrays) fields[name] ??= [];
	return fields;
}
