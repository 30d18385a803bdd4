// Business minutes as people say them: "2 h 15 min", "3 d 4 h" (a working day of the calendar's length).
export function businessDuration(minutes: number, workingDayMinutes = 540, units = { day: 'd', hour: 'h', minute: 'min' }): string {
	const total = Math.round(Math.abs(minutes));
	const days = Math.floor(total / workingDayMinutes);
	const hours = Math.floor((total % workingDayMinutes) / 60);
	const rest = total % 60;
	const parts: string[] = [];
	if (days) parts.push(`${days} ${units.day}`);
	if (hours) parts.push(`${hours} ${units.hour}`);
	if (rest && !days) parts.push(`${rest} ${units.minute}`);
	return parts.length ? parts.join(' ') : `0 ${units.minute}`;
}
