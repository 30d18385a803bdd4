// The app's half of bulk matching: dates, read from the CSV, on top of the database's client and contract match
// (the matching itself is tested against the database in tests/integration/bulk-match.test.ts).
import { describe, expect, it } from 'vitest';
import { parseExpiry, withDates, type DatabaseMatch } from '../../../src/routes/staff/(portal)/invitations/bulk/match-clients.ts';

const TODAY = '2026-11-28';
const row = (expiry: string | null = null) => ({ line: 2, client: 'Acme', contractReference: null, expiry });
const found: DatabaseMatch = { line: 2, client_id: 'c2', client_name: 'Acme', contract_id: 'k2', problem: null };

const cases = [
	{ name: 'matched, no date', input: row(), match: found, expected: { matched: true, clientId: 'c2', contractId: 'k2', expiresOn: null } },
	{ name: 'Spanish date', input: row('31/12/2026'), match: found, expected: { matched: true, expiresOn: '2026-12-31' } },
	{ name: 'impossible date', input: row('31/02/2027'), match: found, expected: { matched: false, reason: 'bad_date' } },
	{ name: 'date in the past', input: row('2026-01-01'), match: found, expected: { matched: false, reason: 'date_past' } },
	{
		name: "the database's reason comes first",
		input: row('31/02/2027'),
		match: { ...found, client_id: null, problem: 'client_ambiguous' as const },
		expected: { matched: false, reason: 'client_ambiguous' }
	}
];

describe('withDates', () => {
	for (const { name, input, match, expected } of cases) {
		it(name, () => expect(withDates([input], [match], TODAY)[0]).toMatchObject(expected));
	}

	it('treats a row the database did not answer as not found', () => {
		expect(withDates([row()], [], TODAY)[0]).toMatchObject({ matched: false, reason: 'client_not_found' });
	});
});

describe('parseExpiry', () => {
	it('reads ISO and Spanish dates and refuses the rest', () => {
		expect(parseExpiry('2027-03-05')).toBe('2027-03-05');
		expect(parseExpiry('5/3/2027')).toBe('2027-03-05');
		expect(parseExpiry('03-05-27')).toBeNull();
		expect(parseExpiry('mañana')).toBeNull();
	});
});
