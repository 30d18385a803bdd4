// The one date and time formatter: Intl.DateTimeFormat in the reader's language and the organisation's time zone
// (the same zone as private.organisation_time_zone() in SQL). Calendar dates (a contract's 'YYYY-MM-DD' due date)
// are days, not moments, and are shown as that day whatever the zone.
import { getLocale } from '$lib/paraglide/runtime.js';

export const ORGANISATION_TIME_ZONE = 'Europe/Madrid';

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

function format(value: string | Date, options: Intl.DateTimeFormatOptions, timeZone: string): string {
	if (typeof value === 'string' && CALENDAR_DAY.test(value)) {
		return new Intl.DateTimeFormat(getLocale(), { ...options, timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
	}
	return new Intl.DateTimeFormat(getLocale(), { ...options, timeZone }).format(new Date(value));
}

/** "3 mar 2026" / "3 Mar 2026": a day, from a calendar date or a moment. */
export function formatDate(value: string | Date | null | undefined, timeZone = ORGANISATION_TIME_ZONE): string {
	if (!value) return '—';
	return format(value, { dateStyle: 'medium' }, timeZone);
}

/** "mar, 3 mar, 14:05": a moment, to the minute. */
export function formatDateTime(value: string | Date | null | undefined, timeZone = ORGANISATION_TIME_ZONE): string {
	if (!value) return '—';
	return format(value, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }, timeZone);
}

/** Today's date in the organisation ('YYYY-MM-DD'), for date inputs and comparisons with calendar dates. */
export function organisationToday(now = new Date(), timeZone = ORGANISATION_TIME_ZONE): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
