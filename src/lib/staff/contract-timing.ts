// Whether a contract was (or is being) delivered on time: the "on time" half of the CCT indicator.
export type ContractTiming = 'on_time' | 'late' | 'overdue' | 'open';

/** Dates compare as ISO strings (YYYY-MM-DD), in the organisation's calendar. */
export function contractTiming(dueDate: string, deliveredAt: string | null, today: string): ContractTiming {
	if (deliveredAt) return deliveredAt.slice(0, 10) <= dueDate ? 'on_time' : 'late';
	return today > dueDate ? 'overdue' : 'open';
}
