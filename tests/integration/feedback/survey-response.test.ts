import { describe, it, expect } from 'vitest';
import { anon, createInvitation, createSurvey, newSubmissionToken, sql, testAddress, validAnswers, app } from './fixtures.ts';
import { sha256Hex } from '../../../src/lib/server/tokens.ts';

async function submit(token: string, answers: unknown, submission = newSubmissionToken()) {
	const { data, error } = await app().rpc('submit_survey_response', {
		p_token: token,
		p_submission: submission,
		p_answers: answers,
		p_client_address: testAddress()
	});
	expect(error).toBeNull();
	return data;
}

async function responsesOf(invitationId: string) {
	return sql<{ answers: Record<string, unknown>; satisfaction_score: number; is_satisfied: boolean; client_id: string }>(
		'select answers, satisfaction_score, is_satisfied, client_id from public.survey_responses where invitation_id = $1',
		[invitationId]
	);
}

describe('submit_survey_response as anon', () => {
	it('stores valid answers with the satisfaction score, the client, and one use of the link', async () => {
		const { id, token } = await createInvitation();
		const result = await submit(token, validAnswers());
		expect(result.outcome).toBe('ok');
		expect(Date.parse(result.confirmation.submittedAt)).not.toBeNaN();
		const rows = await responsesOf(id);
		expect(rows).toEqual([
			{ answers: validAnswers(), satisfaction_score: 5, is_satisfied: true, client_id: 'c0000000-0000-4000-8000-000000000001' }
		]);
		const [invitation] = await sql('select use_count from public.survey_invitations where id = $1', [id]);
		expect(invitation.use_count).toBe(1);
	});

	it('drops blank optional answers and scores below the threshold as not satisfied', async () => {
		const { id, token } = await createInvitation();
		expect((await submit(token, { recommend: 2, satisfaction: 3, note: '   ' })).outcome).toBe('ok');
		expect(await responsesOf(id)).toEqual([
			expect.objectContaining({ answers: { recommend: 2, satisfaction: 3 }, satisfaction_score: 3, is_satisfied: false })
		]);
	});

	it('answers the same submission twice with the same confirmation and stores one row', async () => {
		const { id, token } = await createInvitation({ kind: 'campaign' });
		const submission = newSubmissionToken();
		const first = await submit(token, validAnswers(), submission);
		const second = await submit(token, validAnswers(), submission);
		expect(first.outcome).toBe('ok');
		expect(second).toEqual({ outcome: 'duplicate', confirmation: first.confirmation });
		expect(await responsesOf(id)).toHaveLength(1);
		const [row] = await sql("select encode(submission_hash, 'hex') as hash from public.survey_responses where invitation_id = $1", [id]);
		expect(row.hash).toBe(sha256Hex(submission));
	});

	it('answers a replay on a single-use link as duplicate, not already used', async () => {
		const { token } = await createInvitation();
		const submission = newSubmissionToken();
		const first = await submit(token, validAnswers(), submission);
		expect(await submit(token, validAnswers(), submission)).toEqual({ outcome: 'duplicate', confirmation: first.confirmation });
		expect(await submit(token, validAnswers())).toEqual({ outcome: 'already_used' });
	});

	it('refuses a submission token already used through another link', async () => {
		const submission = newSubmissionToken();
		const a = await createInvitation({ kind: 'campaign' });
		const b = await createInvitation({ kind: 'campaign' });
		expect((await submit(a.token, validAnswers(), submission)).outcome).toBe('ok');
		expect(await submit(b.token, validAnswers(), submission)).toEqual({ outcome: 'invalid', errors: { submission: 'invalid' } });
		expect(await responsesOf(b.id)).toHaveLength(0);
	});

	const linkRefusals = [
		{ name: 'unknown token', options: null, expected: 'unknown_token' },
		{ name: 'expired link', options: { expiresAt: new Date(Date.now() - 60_000) }, expected: 'expired' },
		{ name: 'revoked link', options: { revokedAt: new Date() }, expected: 'revoked' },
		{ name: 'closed survey', options: { status: 'closed' }, expected: 'survey_closed' },
		{ name: 'draft survey', options: { status: 'draft' }, expected: 'survey_closed' }
	];
	for (const { name, options, expected } of linkRefusals) {
		it(`answers ${expected} for a ${name} and stores nothing`, async () => {
			let token = 'unknown-' + newSubmissionToken();
			let id: string | undefined;
			if (options) {
				const surveyId = 'status' in options ? await createSurvey({ status: options.status }) : undefined;
				({ token, id } = await createInvitation({ ...options, surveyId }));
			}
			expect(await submit(token, validAnswers())).toEqual({ outcome: expected });
			if (id) expect(await responsesOf(id)).toHaveLength(0);
		});
	}

	it('refuses a link that offers no survey', async () => {
		const { token } = await createInvitation({ surveyId: null, offersComplaint: true });
		expect(await submit(token, validAnswers())).toEqual({ outcome: 'invalid', errors: { _form: 'not_offered' } });
	});

	// Each way the answers can be wrong, with the per-question codes the page shows.
	const invalidAnswers = [
		{ name: 'a wrong answer type', answers: { ...validAnswers(), recommend: 'nine' }, errors: { recommend: 'invalid' } },
		{ name: 'an NPS out of range', answers: { ...validAnswers(), recommend: 11 }, errors: { recommend: 'invalid' } },
		{ name: 'a fractional CSAT', answers: { ...validAnswers(), satisfaction: 4.5 }, errors: { satisfaction: 'invalid' } },
		{ name: 'a missing required answer', answers: { recommend: 9 }, errors: { satisfaction: 'required' } },
		{ name: 'an unknown option', answers: { ...validAnswers(), channel: 'fax' }, errors: { channel: 'invalid' } },
		{ name: 'an oversize text', answers: { ...validAnswers(), note: 'x'.repeat(21) }, errors: { note: 'too_long' } },
		{ name: 'an unknown question id', answers: { ...validAnswers(), mood: 'happy' }, errors: { mood: 'unknown_field' } },
		{ name: 'answers that are not an object', answers: [9, 5], errors: { _form: 'invalid' } },
		{ name: 'null answers', answers: null, errors: { _form: 'invalid' } },
		{
			name: 'several problems at once',
			answers: { recommend: -1, note: 42, extra: true },
			errors: { recommend: 'invalid', satisfaction: 'required', note: 'invalid', extra: 'unknown_field' }
		}
	];
	for (const { name, answers, errors } of invalidAnswers) {
		it(`answers invalid for ${name}, stores nothing and uses nothing`, async () => {
			const { id, token } = await createInvitation();
			expect(await submit(token, answers)).toEqual({ outcome: 'invalid', errors });
			expect(await responsesOf(id)).toHaveLength(0);
			// The single use is still there for a corrected submission.
			expect((await submit(token, validAnswers())).outcome).toBe('ok');
		});
	}

	for (const submission of ['', 'short', 'has spaces in it and is long enough', null]) {
		it(`refuses the submission token ${JSON.stringify(submission)}`, async () => {
			const { token } = await createInvitation();
			expect(await submit(token, validAnswers(), submission as string)).toEqual({ outcome: 'invalid', errors: { submission: 'invalid' } });
		});
	}
});
