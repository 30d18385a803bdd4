import { describe, it, expect } from 'vitest';
import { contractTiming } from '../../src/lib/staff/contract-timing.ts';

describe('contractTiming', () => {
	const cases = [
		{ name: 'delivered before the due date', input: ['2026-05-10', '2026-05-01T09:00:00Z', '2026-06-01'], expected: 'on_time' },
		{ name: 'delivered on the due date', input: ['2026-05-10', '2026-05-10T23:00:00Z', '2026-06-01'], expected: 'on_time' },
		{ name: 'delivered the day after', input: ['2026-05-10', '2026-05-11T00:10:00Z', '2026-06-01'], expected: 'late' },
		{ name: 'not delivered, due date passed', input: ['2026-05-10', null, '2026-05-11'], expected: 'overdue' },
		{ name: 'not delivered, due today', input: ['2026-05-10', null, '2026-05-10'], expected: 'open' }
	] as const;
	for (const { name, input, expected } of cases) {
		it(name, () => expect(contractTiming(input[0], input[1], input[2])).toBe(expected));
	}
});
