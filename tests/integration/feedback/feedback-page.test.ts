import { describe, it, expect } from 'vitest';
import { anon, createInvitation, createSurvey, CONTRACT_OF_CLIENT_1, testDefinition } from './fixtures.ts';
import type { FeedbackPage, GetFeedbackPageResult } from '../../../src/lib/feedback/rpc-types.ts';

async function page(token: string): Promise<GetFeedbackPageResult> {
	const { data, error } = await anon().rpc('get_feedback_page', { p_token: token });
	expect(error).toBeNull();
	return data;
}

describe('get_feedback_page as anon', () => {
	it('shows the seeded demo campaign: survey, complaint and suggestion', async () => {
		const result = (await page('demo-campaign-2026')) as FeedbackPage;
		expect(result.outcome).toBe('ok');
		expect(result.invitation).toMatchObject({ kind: 'campaign', offersSurvey: true, offersComplaint: true, offersSuggestion: true });
		expect(result.survey?.definition.satisfactionQuestionId).toBe('satisfaction');
		expect(result.surveyUnavailable).toBeNull();
		expect(result.contracts).toEqual([]);
	});

	it("shows a personal link's contract and the client's contracts for a complaint", async () => {
		const { token } = await createInvitation({ offersComplaint: true, contractId: CONTRACT_OF_CLIENT_1 });
		const result = (await page(token)) as FeedbackPage;
		expect(result.survey?.definition).toEqual(testDefinition());
		expect(result.contract?.id).toBe(CONTRACT_OF_CLIENT_1);
		expect(result.contracts.map((contract) => contract.id)).toContain(CONTRACT_OF_CLIENT_1);
		expect(Object.keys(result.contracts[0]).sort()).toEqual(['id', 'reference', 'title']);
	});

	const refusals = [
		{ name: 'an unknown token', make: async () => 'no-such-token-' + Math.random(), expected: 'unknown_token' },
		{ name: 'an over-long token', make: async () => 'x'.repeat(5000), expected: 'unknown_token' },
		{ name: 'the seeded expired link', make: async () => 'demo-expired-2026', expected: 'expired' },
		{ name: 'the seeded revoked link', make: async () => 'demo-revoked-2026', expected: 'revoked' },
		{
			name: 'a link both revoked and expired (revocation wins)',
			make: async () => (await createInvitation({ revokedAt: new Date(), expiresAt: new Date(Date.now() - 1000) })).token,
			expected: 'revoked'
		},
		{
			name: 'a used-up single-use survey link',
			make: async () => {
				const { token, id } = await createInvitation();
				const { sql } = await import('./fixtures.ts');
				await sql('update public.survey_invitations set use_count = 1 where id = $1', [id]);
				return token;
			},
			expected: 'already_used'
		},
		{
			name: 'a link to a closed survey that offers nothing else',
			make: async () => (await createInvitation({ surveyId: await createSurvey({ status: 'closed' }) })).token,
			expected: 'survey_closed'
		},
		{
			name: 'a link to a draft survey',
			make: async () => (await createInvitation({ surveyId: await createSurvey({ status: 'draft' }) })).token,
			expected: 'survey_closed'
		}
	];
	for (const { name, make, expected } of refusals) {
		it(`answers ${expected} for ${name}`, async () => {
			expect(await page(await make())).toEqual({ outcome: expected });
		});
	}

	it('still offers the complaint when the survey is closed, saying why the survey is missing', async () => {
		const { token } = await createInvitation({ surveyId: await createSurvey({ status: 'closed' }), offersComplaint: true });
		const result = (await page(token)) as FeedbackPage;
		expect(result).toMatchObject({ outcome: 'ok', survey: null, surveyUnavailable: 'survey_closed' });
	});
});
