// A review's URL names its quarter; labels the database would refuse are a 404, not a failed page.
import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { previousQuarter, quarterStart } from '../../src/routes/staff/(portal)/reviews/[quarter]/review.server.ts';

function status(label: string): number | undefined {
	try {
		quarterStart(label);
		return undefined;
	} catch (error) {
		return isHttpError(error) ? error.status : -1;
	}
}

describe('review quarter labels', () => {
	it('map a quarter to its first day', () => {
		expect(quarterStart('2026-Q3')).toBe('2026-07-01');
		expect(quarterStart('2000-Q1')).toBe('2000-01-01');
		expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
	});

	it('answer 404 for what private.quarter_from_label refuses', () => {
		for (const label of ['1999-Q4', '3000-Q1', '2026-Q5', '2026-Q0', '2026Q3', '12026-Q1']) expect(status(label), label).toBe(404);
	});
});
