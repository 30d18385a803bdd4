// The one date formatter: calendar dates stay their day, moments are read in the organisation's time zone.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, organisationToday } from '../../src/lib/format/date.ts';

describe('dates', () => {
	it('shows a calendar date as that day whatever the zone', () => {
		expect(formatDate('2026-03-01')).toBe(formatDate('2026-03-01', 'Pacific/Kiritimati'));
		expect(formatDate('2026-03-01')).toMatch(/1.*2026/);
	});

	it("reads a moment in the organisation's zone: 23:30 UTC in winter is the next day in Madrid", () => {
		expect(organisationToday(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02-01');
		expect(formatDate('2026-01-31T23:30:00Z')).toMatch(/^1\b/);
		expect(formatDateTime('2026-01-31T23:30:00Z')).toContain('00:30');
	});

	it('says nothing known as a dash', () => {
		expect(formatDate(null)).toBe('—');
		expect(formatDateTime(undefined)).toBe('—');
	});
});
