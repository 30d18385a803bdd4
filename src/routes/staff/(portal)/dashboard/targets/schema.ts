// A target for one indicator from a quarter onwards ('2027-Q1'), as a percentage.
import { z } from 'zod';
import { Constants } from '$lib/database.types';

export const targetSchema = z.object({
	indicator: z.enum(Constants.public.Enums.indicator_code, 'invalid'),
	valid_from: z
		.string()
		.trim()
		.regex(/^(20\d\d)-Q[1-4]$/, 'invalid'),
	target_percent: z.coerce.number('invalid').gt(0, 'invalid').max(100, 'invalid')
});

export function quarterStartOf(label: string): string {
	const [year, quarter] = label.split('-Q').map(Number);
	return `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}
