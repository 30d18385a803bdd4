import { describe, expect, it } from 'vitest';
import { matchClients, parseExpiry } from '../../../src/routes/staff/(portal)/invitations/bulk/match-clients.ts';

const clients = [
	{ id: 'c1', name: 'Construcciones Peña S.L.', taxId: 'B-12345678' },
	{ id: 'c2', name: 'Acme', taxId: null },
	{ id: 'c3', name: 'Twin', taxId: 'A1' },
	{ id: 'c4', name: 'twin', taxId: 'A2' }
];
const contracts = [
	{ id: 'k1', clientId: 'c1', reference: 'CT-2026-001' },
	{ id: 'k2', clientId: 'c2', reference: 'CT-2026-002' }
];
const TODAY = '2026-11-28';
const row = (client: string, contractReference: string | null = null, expiry: string | null = null) => ({
	line: 1,
	client,
	contractReference,
	expiry
});

const cases = [
	{ name: 'tax id, spaced and lower-case', input: row('b 12345678'), expected: { matched: true, clientId: 'c1', contractId: null } },
	{ name: 'name without accents or case', input: row('construcciones pena s.l.'), expected: { matched: true, clientId: 'c1' } },
	{ name: 'contract of the client', input: row('Acme', 'ct-2026-002'), expected: { matched: true, clientId: 'c2', contractId: 'k2' } },
	{ name: 'contract of another client', input: row('Acme', 'CT-2026-001'), expected: { matched: false, reason: 'contract_not_found' } },
	{ name: 'unknown client', input: row('Nadie SA'), expected: { matched: false, reason: 'client_not_found' } },
	{ name: 'two clients with that name', input: row('TWIN'), expected: { matched: false, reason: 'client_ambiguous' } },
	{ name: 'tax id settles a shared name', input: row('A2'), expected: { matched: true, clientId: 'c4' } },
	{ name: 'Spanish date', input: row('Acme', null, '31/12/2026'), expected: { matched: true, expiresOn: '2026-12-31' } },
	{ name: 'impossible date', input: row('Acme', null, '31/02/2027'), expected: { matched: false, reason: 'bad_date' } },
	{ name: 'date in the past', input: row('Acme', null, '2026-01-01'), expected: { matched: false, reason: 'date_past' } }
];

describe('matchClients', () => {
	for (const { name, input, expected } of cases) {
		it(name, () => expect(matchClients([input], clients, contracts, TODAY)[0]).toMatchObject(expected));
	}
});

describe('parseExpiry', () => {
	it('reads ISO and Spanish dates and refuses the rest', () => {
		expect(parseExpiry('2027-03-05')).toBe('2027-03-05');
		expect(parseExpiry('5/3/2027')).toBe('2027-03-05');
		expect(parseExpiry('03-05-27')).toBeNull();
		expect(parseExpiry('mañana')).toBeNull();
	});
});
