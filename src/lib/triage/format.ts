// Dates and business durations in the reader's language, in the business calendar's time zone.
import { getLocale } from '$lib/paraglide/runtime.js';
import { m } from '$lib/paraglide/messages.js';
import { businessDuration } from './business-time';

export const DEFAULT_TIME_ZONE = 'Europe/Madrid';

export function formatDateTime(iso: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string {
	if (!iso) return '—';
	return new Intl.DateTimeFormat(getLocale(), {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit',
		timeZone
	}).format(new Date(iso));
}

export function formatDate(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** "quedan 2 h 15 min" / "vencido hace 3 h" from signed business minutes left. */
export function timeLeft(minutesLeft: number | null | undefined): string {
	if (minutesLeft === null || minutesLeft === undefined) return '—';
	const time = businessDuration(minutesLeft);
	return minutesLeft >= 0 ? m.tr_left({ time }) : m.tr_late_by({ time });
}
