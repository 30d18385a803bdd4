import { describe, it, expect } from 'vitest';
import { createInvitation, newSubmissionToken, sql, submitConcurrently, validItem, app, testAddress } from './fixtures.ts';

const count = async (table: string, invitationId: string) =>
	Number((await sql(`select count(*) as n from public.${table} where invitation_id = $1`, [invitationId]))[0].n);

function tally(outcomes: string[]) {
	return outcomes.reduce<Record<string, number>>((counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }), {});
}

describe('concurrent submissions', () => {
	it('store exactly one response for 50 concurrent uses of a single-use personal link', async () => {
		const { id, token } = await createInvitation();
		const outcomes = await submitConcurrently(token, Array.from({ length: 50 }, newSubmissionToken));
		expect(tally(outcomes).ok).toBe(1);
		// The rest were turned away by the cap or, past 10 a minute, by the per-link limit.
		expect(outcomes.every((outcome) => ['ok', 'already_used', 'rate_limited'].includes(outcome))).toBe(true);
		expect(await count('survey_responses', id)).toBe(1);
		expect((await sql('select use_count from public.survey_invitations where id = $1', [id]))[0].use_count).toBe(1);
	});

	it('store exactly one response for 50 concurrent uses of a campaign link capped at one (all reach the lock)', async () => {
		const { id, token } = await createInvitation({ kind: 'campaign', maxUses: 1 });
		const outcomes = await submitConcurrently(token, Array.from({ length: 50 }, newSubmissionToken));
		expect(tally(outcomes)).toEqual({ ok: 1, already_used: 49 });
		expect(await count('survey_responses', id)).toBe(1);
	});

	it('store one row for 20 concurrent copies of the same submission, answering the rest as duplicates', async () => {
		const { id, token } = await createInvitation({ kind: 'campaign' });
		const submission = newSubmissionToken();
		const outcomes = await submitConcurrently(
			token,
			Array.from({ length: 20 }, () => submission)
		);
		expect(tally(outcomes)).toEqual({ ok: 1, duplicate: 19 });
		expect(await count('survey_responses', id)).toBe(1);
	});

	it('store one complaint for 20 concurrent copies of the same complaint', async () => {
		const { id, token } = await createInvitation({ kind: 'campaign', surveyId: null, offersComplaint: true });
		const submission = newSubmissionToken();
		const results = await Promise.all(
			Array.from({ length: 20 }, () =>
				app().rpc('submit_feedback_item', {
					p_token: token,
					p_submission: submission,
					p_item: validItem(),
					p_client_address: testAddress()
				})
			)
		);
		expect(tally(results.map(({ data }) => data.outcome))).toEqual({ ok: 1, duplicate: 19 });
		expect(new Set(results.map(({ data }) => data.confirmation.submittedAt)).size).toBe(1);
		expect(await count('feedback_items', id)).toBe(1);
	});
});
