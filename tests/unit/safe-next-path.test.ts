import { describe, it, expect } from 'vitest';
import { safeNextPath } from '../../src/lib/safe-next-path.ts';

describe('safeNextPath', () => {
	const cases = [
		{ name: 'keeps a same-site path with query', input: '/staff?x=1', expected: '/staff?x=1' },
		{ name: 'refuses an absolute URL', input: 'https://evil.example/', expected: '/' },
		{ name: 'refuses a protocol-relative URL', input: '//evil.example/', expected: '/' },
		{ name: 'refuses backslash tricks', input: '/\\evil.example', expected: '/' },
		{ name: 'refuses a non-string', input: null, expected: '/' }
	];
	for (const { name, input, expected } of cases) {
		it(name, () => expect(safeNextPath(input)).toBe(expected));
	}
});
