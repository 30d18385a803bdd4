import { describe, expect, it } from 'vitest';
import { parseClientCsv, splitCsv } from '../../../src/routes/staff/(portal)/invitations/bulk/csv.ts';

const cases = [
	{
		name: 'comma separated, no header',
		input: 'B12345678,CT-1,2026-12-31\nAcme SL',
		expected: [
			{ line: 1, client: 'B12345678', contractReference: 'CT-1', expiry: '2026-12-31' },
			{ line: 2, client: 'Acme SL', contractReference: null, expiry: null }
		]
	},
	{
		name: 'semicolons, header, BOM, CRLF and blank lines',
		input: '\uFEFFNIF;Contrato;Caduca\r\n B1 ; ;31/12/2026\r\n\r\n;;\r\n',
		expected: [{ line: 2, client: 'B1', contractReference: null, expiry: '31/12/2026' }]
	},
	{
		name: 'quoted names keep their commas and quotes',
		input: '"Hermanos García, S.L.","CT ""A""",\n',
		expected: [{ line: 1, client: 'Hermanos García, S.L.', contractReference: 'CT "A"', expiry: null }]
	},
	{
		name: 'tab separated',
		input: 'Acme\tCT-9\t2027-01-01',
		expected: [{ line: 1, client: 'Acme', contractReference: 'CT-9', expiry: '2027-01-01' }]
	},
	{ name: 'empty text', input: '', expected: [] }
];

describe('parseClientCsv', () => {
	for (const { name, input, expected } of cases) {
		it(name, () => expect(parseClientCsv(input)).toEqual(expected));
	}
});

describe('splitCsv', () => {
	it('keeps a line break inside quotes', () => {
		expect(splitCsv('"a\nb",c\nd,e', ',')).toEqual([
			['a\nb', 'c'],
			['d', 'e']
		]);
	});
});
