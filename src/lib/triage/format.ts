// Business durations in the reader's language; dates come from the one formatter ($lib/format/date).
import { m } from '$lib/paraglide/messages.js';
import { businessDuration } from './business-time';

export { ORGANISATION_TIME_ZONE as DEFAULT_TIME_ZONE, formatDate, formatDateTime } from '$lib/format/date';

/** "quedan 2 h 15 min" / "vencido hace 3 h" from signed business minutes left. */
export function timeLeft(minutesLeft: number | null | undefined): string {
	if (minutesLeft === null || minutesLeft === undefined) return '—';
	const time = businessDuration(minutesLeft);
	return minutesLeft >= 0 ? m.tr_left({ time }) : m.tr_late_by({ time });
}
