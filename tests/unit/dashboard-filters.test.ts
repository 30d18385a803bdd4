import { describe, expect, it } from 'vitest';
import { readDashboardFilters, toRpcFilters } from '../../src/lib/indicators/filters.ts';

const CLIENT = '6f1c2d3e-4b5a-4c6d-8e7f-901234567890';

describe('readDashboardFilters', () => {
	const cases = [
		{ name: 'no parameters: 8 quarters by month', input: '', expected: { quarters: 8, grain: 'month' } },
		{ name: 'a known period and grain', input: 'quarters=4&grain=week', expected: { quarters: 4, grain: 'week' } },
		{ name: 'an unknown period falls back to 8', input: 'quarters=40', expected: { quarters: 8, grain: 'month' } },
		{ name: 'a malformed client id is ignored', input: 'client=abc', expected: { quarters: 8, grain: 'month' } },
		{
			name: 'a client, a sector and a channel',
			input: `client=${CLIENT}&sector=Log%C3%ADstica&channel=campaign`,
			expected: { quarters: 8, grain: 'month', client: CLIENT, sector: 'Logística', channel: 'campaign' }
		},
		{ name: 'an unknown channel is ignored', input: 'channel=fax', expected: { quarters: 8, grain: 'month' } },
		{ name: 'empty fields from the form are ignored', input: 'client=&sector=&survey=', expected: { quarters: 8, grain: 'month' } }
	];
	for (const { name, input, expected } of cases) {
		it(name, () => expect(toRpcFilters(readDashboardFilters(new URLSearchParams(input)))).toEqual(expected));
	}
});
