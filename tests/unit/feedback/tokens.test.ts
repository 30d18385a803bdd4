import { describe, it, expect } from 'vitest';
import { newSubmissionToken, newToken, sha256Hex, TOKEN_LENGTH, TOKEN_PATTERN } from '../../../src/lib/server/tokens.ts';

describe('newToken', () => {
	it('is 22 URL-safe characters carrying 128 bits', () => {
		const token = newToken();
		expect(token).toHaveLength(TOKEN_LENGTH);
		expect(token).toMatch(TOKEN_PATTERN);
		expect(Buffer.from(token, 'base64url')).toHaveLength(16);
	});

	it('does not repeat over 10,000 draws and uses the whole alphabet', () => {
		const tokens = Array.from({ length: 10_000 }, newToken);
		expect(new Set(tokens).size).toBe(tokens.length);
		const alphabet = new Set(tokens.join(''));
		expect(alphabet.size).toBe(64);
	});

	it('gives submission tokens of the same form', () => {
		expect(newSubmissionToken()).toMatch(TOKEN_PATTERN);
		expect(newSubmissionToken()).not.toBe(newSubmissionToken());
	});
});

describe('sha256Hex', () => {
	const vectors = [
		{ input: '', expected: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
		{ input: 'abc', expected: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
		{ input: 'demo-campaign-2026', expected: sha256Hex('demo-campaign-2026') }
	];
	for (const { input, expected } of vectors) {
		it(`hashes ${JSON.stringify(input)}`, () => expect(sha256Hex(input)).toBe(expected));
	}

	it('is 64 lower-case hex characters and differs for different tokens', () => {
		expect(sha256Hex(newToken())).toMatch(/^[0-9a-f]{64}$/);
		expect(sha256Hex('a')).not.toBe(sha256Hex('b'));
	});
});
