// Closing the loop on detractors: a low score creates a follow-up item linked to the response, only when the
// response carries a way to reach the client.
import { describe, it, expect } from 'vitest';
import { app, createInvitation, newSubmissionToken, sql, testAddress, validAnswers } from '../feedback/fixtures.ts';

async function respond(token: string, answers: Record<string, unknown>) {
	const { data, error } = await app().rpc('submit_survey_response', {
		p_token: token,
		p_submission: newSubmissionToken(),
		p_answers: answers,
		p_client_address: testAddress()
	});
	expect(error).toBeNull();
	expect(data.outcome).toBe('ok');
	const [row] = await sql<{ id: string }>(
		"select id from public.survey_responses where invitation_id = (select id from public.survey_invitations where token_hash = sha256(convert_to($1, 'utf8')))",
		[token]
	);
	return row.id;
}

const followUps = (responseId: string) =>
	sql<{ kind: string; status: string; client_id: string | null; description: string }>(
		'select kind, status, client_id, description from public.feedback_items where follow_up_of_response_id = $1',
		[responseId]
	);

describe('low satisfaction scores', () => {
	it('an NPS detractor on a personal link gets a follow-up item in the inbox, naming the scores', async () => {
		const { token } = await createInvitation({ kind: 'personal' });
		const responseId = await respond(token, { ...validAnswers(), recommend: 3, satisfaction: 2 });
		const items = await followUps(responseId);
		expect(items).toEqual([
			{
				kind: 'complaint',
				status: 'new',
				client_id: 'c0000000-0000-4000-8000-000000000001',
				description: expect.stringContaining('NPS 3, CSAT 2')
			}
		]);
	});

	it('a CSAT of 2 alone is low; NPS 7 and CSAT 3 are not', async () => {
		const low = await respond((await createInvitation({ kind: 'personal' })).token, { ...validAnswers(), recommend: 9, satisfaction: 2 });
		expect(await followUps(low)).toHaveLength(1);
		const fine = await respond((await createInvitation({ kind: 'personal' })).token, { ...validAnswers(), recommend: 7, satisfaction: 3 });
		expect(await followUps(fine)).toEqual([]);
	});

	it('an anonymous campaign response, with no way to reach anyone, creates nothing', async () => {
		const { token } = await createInvitation({ kind: 'campaign', clientId: null });
		const responseId = await respond(token, { ...validAnswers(), recommend: 0, satisfaction: 1 });
		expect(await followUps(responseId)).toEqual([]);
	});
});
