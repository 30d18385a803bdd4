// Counted messages agree with their number: "1 plan", never "1 planes".
import { describe, it, expect } from 'vitest';
import { m } from '../../src/lib/paraglide/messages.js';

const COUNTED = [
	'ac_home_due',
	'ac_home_overdue',
	'ac_open_actions',
	'ac_overdue_actions',
	'ac_repeats',
	'ind_scope_clients',
	'tr_selected',
	'tr_new_items',
	'tr_changed_items',
	'tr_reopened',
	'tr_my_queue_link',
	'tr_queue_new_link',
	'tr_queue_overdue_link'
] as const;

describe.each(['es', 'en'] as const)('counted messages in %s', (locale) => {
	it.each(COUNTED)('%s has a singular form', (key) => {
		const say = m[key] as (inputs: { count: number }, options: { locale: 'es' | 'en' }) => string;
		const one = say({ count: 1 }, { locale });
		const two = say({ count: 2 }, { locale });
		expect(one).toContain('1');
		// Spanish nouns and adjectives all take a plural ending; English only some of these phrases change.
		if (locale === 'es') expect(one).not.toBe(two.replace('2', '1'));
	});

	it('says "1 plan" and "3 planes" on the home notice', () => {
		expect(m.ac_home_due({ count: 1 }, { locale })).toMatch(locale === 'es' ? /^1 plan de acción / : /^1 action plan /);
		expect(m.ac_home_due({ count: 3 }, { locale })).toMatch(locale === 'es' ? /^3 planes de acción / : /^3 action plans /);
	});
});
