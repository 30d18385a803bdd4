// The token a form post is sent with: a retry after an error reuses the first one (so the database
// stores once), and once a confirmation was shown the next post is a new submission (shared tablets).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Cookies } from '@sveltejs/kit';
import { confirmSubmission, submissionFor } from '../../../src/lib/server/feedback/resubmission.ts';
import { newSubmissionToken } from '../../../src/lib/server/tokens.ts';

/** One browser's cookie jar, as SvelteKit's Cookies would keep it across requests. */
function browser(): Cookies {
	const jar = new Map<string, string>();
	return {
		get: (name: string) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name),
		serialize: () => ''
	} as unknown as Cookies;
}

const PATH = '/f/poster';
const content = fc.record({ subject: fc.string({ maxLength: 20 }), description: fc.string({ maxLength: 40 }) });

describe('submission tokens across posts', () => {
	it('reuses the first token when a post that got an error is sent again, even from a freshly rendered form', () => {
		fc.assert(
			fc.property(content, fc.integer({ min: 1, max: 4 }), (item, retries) => {
				const cookies = browser();
				const first = submissionFor(cookies, PATH, 'complaint', item, newSubmissionToken());
				// 503s; the person reloads (a new hidden token) and sends the same again, several times.
				for (let retry = 0; retry < retries; retry++) expect(submissionFor(cookies, PATH, 'complaint', item, newSubmissionToken())).toBe(first);
			})
		);
	});

	it('starts a new submission for the next person once a confirmation was shown, even with the same answers and token', () => {
		fc.assert(
			fc.property(content, (item) => {
				const cookies = browser();
				const rendered = newSubmissionToken();
				const first = submissionFor(cookies, PATH, 'survey', item, rendered);
				confirmSubmission(cookies, PATH, 'survey', first);
				// The next visitor: a fresh form, or Back to the old one (the browser restores its hidden token).
				const fromFreshForm = submissionFor(cookies, PATH, 'survey', item, newSubmissionToken());
				expect(fromFreshForm).not.toBe(first);
				confirmSubmission(cookies, PATH, 'survey', fromFreshForm);
				const fromRestoredForm = submissionFor(cookies, PATH, 'survey', item, fromFreshForm);
				expect(fromRestoredForm).not.toBe(fromFreshForm);
				expect(fromRestoredForm).not.toBe(first);
			})
		);
	});

	it('sends different content with its own rendered token', () => {
		const cookies = browser();
		const first = submissionFor(cookies, PATH, 'complaint', { subject: 'a' }, newSubmissionToken());
		const rendered = newSubmissionToken();
		expect(submissionFor(cookies, PATH, 'complaint', { subject: 'b' }, rendered)).toBe(rendered);
		expect(rendered).not.toBe(first);
	});
});
