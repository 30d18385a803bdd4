// The admin's deadline and calendar forms: how their fields are read, and what is refused before the database.
import { describe, it, expect } from 'vitest';
import { autoAssignSchema, calendarSchema, formFields, targetsSchema } from '../../src/lib/triage/settings-schemas';

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

const targets = (overrides: Record<string, string> = {}) =>
	form(
		Object.entries({
			'urgent.first': '4',
			'urgent.resolution': '9',
			'high.first': '8',
			'high.resolution': '27',
			'normal.first': '9',
			'normal.resolution': '45',
			'low.first': '27',
			'low.resolution': '90',
			...overrides
		})
	);

describe('formFields', () => {
	it('nests dotted names and keeps repeated names as arrays, empty when none was ticked', () => {
		expect(
			formFields(
				form([
					['urgent.first', '4'],
					['urgent.resolution', '9'],
					['cap', '3']
				]),
				['categories']
			)
		).toEqual({
			urgent: { first: '4', resolution: '9' },
			cap: '3',
			categories: []
		});
		expect(
			formFields(
				form([
					['working_days', '1'],
					['working_days', '3']
				]),
				['working_days']
			)
		).toEqual({ working_days: ['1', '3'] });
	});
});

describe('deadline targets', () => {
	it('reads business hours for every priority', () => {
		const parsed = targetsSchema.safeParse(formFields(targets({ 'low.first': '2.5' })));
		expect(parsed.success && parsed.data.low).toEqual({ first: 2.5, resolution: 90 });
	});

	it('refuses a first response due after the resolution, a missing priority, zero and too long', () => {
		const refusal = (data: FormData) => targetsSchema.safeParse(formFields(data)).error?.issues[0]?.message;
		expect(refusal(targets({ 'high.first': '30' }))).toBe('first_after_resolution');
		expect(refusal(targets({ 'normal.first': '0' }))).toBe('too_small');
		expect(refusal(targets({ 'low.resolution': '10000' }))).toBe('too_large');
		const withoutUrgent = form([...targets().entries()].filter(([name]) => !name.startsWith('urgent')) as [string, string][]);
		expect(targetsSchema.safeParse(formFields(withoutUrgent)).success).toBe(false);
	});
});

describe('business calendar', () => {
	const calendar = (overrides: Record<string, unknown> = {}) => ({
		time_zone: 'Europe/Madrid',
		working_days: ['1', '2', '3', '4', '5'],
		day_starts_at: '09:00',
		day_ends_at: '18:00',
		...overrides
	});

	it('accepts a real time zone, a working week and opening hours', () => {
		expect(calendarSchema.safeParse(calendar()).data?.working_days).toEqual([1, 2, 3, 4, 5]);
	});

	it.each([
		[{ time_zone: 'Europe/Atlantis' }, 'time_zone'],
		[{ working_days: [] }, 'no_days'],
		[{ working_days: ['8'] }, 'day'],
		[{ day_starts_at: '9' }, 'time'],
		[{ day_starts_at: '18:00', day_ends_at: '09:00' }, 'ends_before_start']
	])('refuses %o', (overrides, problem) => {
		expect(calendarSchema.safeParse(calendar(overrides)).error?.issues[0]?.message).toBe(problem);
	});
});

describe('automatic assignment', () => {
	it('takes known categories and a whole cap from 1 to 1,000', () => {
		expect(autoAssignSchema.safeParse({ categories: ['billing'], cap: '5' }).data).toEqual({ categories: ['billing'], cap: 5 });
		expect(autoAssignSchema.safeParse({ categories: ['weather'], cap: '5' }).success).toBe(false);
		expect(autoAssignSchema.safeParse({ categories: [], cap: '0' }).error?.issues[0]?.message).toBe('cap');
		expect(autoAssignSchema.safeParse({ categories: [], cap: '2.5' }).error?.issues[0]?.message).toBe('cap');
	});
});
