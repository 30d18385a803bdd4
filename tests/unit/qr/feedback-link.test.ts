import { describe, expect, it } from 'vitest';
import { feedbackLink } from '../../../src/lib/server/qr/feedback-link.ts';

const cases = [
	{
		name: 'site URL wins over the request origin',
		site: 'https://opinion.example.es',
		origin: 'http://localhost:4173',
		expected: 'https://opinion.example.es/f/abc'
	},
	{
		name: 'trailing slashes are dropped',
		site: 'https://opinion.example.es//',
		origin: 'http://x',
		expected: 'https://opinion.example.es/f/abc'
	},
	{
		name: 'unset site URL falls back to the origin',
		site: undefined,
		origin: 'http://localhost:4173',
		expected: 'http://localhost:4173/f/abc'
	},
	{ name: 'blank site URL falls back to the origin', site: '  ', origin: 'http://localhost:4173', expected: 'http://localhost:4173/f/abc' }
];

describe('feedbackLink', () => {
	for (const { name, site, origin, expected } of cases) {
		it(name, () => expect(feedbackLink(site, origin, 'abc')).toBe(expected));
	}
});
