import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { safeNextPath } from '../../src/lib/safe-next-path.ts';

const ORIGIN = 'https://portal.example';

describe('safeNextPath', () => {
	const cases = [
		{ name: 'keeps a same-site path with query', input: '/staff?x=1', expected: '/staff?x=1' },
		{ name: 'refuses an absolute URL', input: 'https://evil.example/', expected: '/' },
		{ name: 'refuses a protocol-relative URL', input: '//evil.example/', expected: '/' },
		{ name: 'refuses backslash tricks', input: '/\\evil.example', expected: '/' },
		{ name: 'refuses a TAB the browser would drop (/%09/ decoded)', input: '/\t/evil.example', expected: '/' },
		{ name: 'refuses CR and LF', input: '/\r\n/evil.example', expected: '/' },
		{ name: 'refuses a leading space', input: ' //evil.example', expected: '/' },
		{ name: 'refuses a NUL', input: '/staff\u0000', expected: '/' },
		{ name: 'percent-encodes what a header cannot hold', input: '/staff/ñ', expected: '/staff/%C3%B1' },
		{ name: 'refuses a non-string', input: null, expected: '/' }
	];
	for (const { name, input, expected } of cases) {
		it(name, () => expect(safeNextPath(input)).toBe(expected));
	}

	// Strings built from the characters redirect tricks are made of, plus any Unicode.
	const tricky = fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', '\u0000', '\u001f', '\u007f', '.', ':', '@', '%09', '%2F', '?', '#', 'evil.example', 'http:', 'ñ');
	const candidate = fc.oneof(
		fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join('')),
		fc.tuple(fc.array(tricky, { maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 20 })).map(([parts, rest]) => parts.join('') + rest),
		fc.string({ unit: 'binary', maxLength: 40 })
	);

	it('always lands on this origin, as a browser resolves it, and is a valid Location header', () => {
		fc.assert(
			fc.property(candidate, (value) => {
				const next = safeNextPath(value, '/staff');
				// The WHATWG URL parser strips TAB/CR/LF and trims controls exactly as browsers do.
				expect(new URL(next, ORIGIN).origin).toBe(ORIGIN);
				expect(next).toMatch(/^\/[\x21-\x7e]*$/);
				expect(() => new Headers({ location: next })).not.toThrow();
			}),
			{ numRuns: 5000 }
		);
	});

	it('keeps every ordinary path as it was', () => {
		const segment = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
		fc.assert(
			fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
				const path = '/' + segments.join('/');
				expect(safeNextPath(path)).toBe(path);
			})
		);
	});
});
