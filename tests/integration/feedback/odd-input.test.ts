// Odd input gets the answer that names it: a scale answer written as a decimal (4.0) is an invalid
// answer, never an error raised from inside the RPC.
import { describe, it, expect } from 'vitest';
import { apiUrl, serviceRoleKey } from '../env.ts';
import { createInvitation, newSubmissionToken, testAddress, validAnswers } from './fixtures.ts';

/** Raw JSON, so that 4.0 stays 4.0 on the wire (JSON.stringify would write 4). */
async function submitRaw(token: string, satisfactionLiteral: string) {
	const answers = JSON.stringify({ ...validAnswers(), satisfaction: '__' }).replace('"__"', satisfactionLiteral);
	const body = `{"p_token":${JSON.stringify(token)},"p_submission":"${newSubmissionToken()}","p_answers":${answers},"p_client_address":"${testAddress()}"}`;
	return fetch(`${apiUrl()}/rest/v1/rpc/submit_survey_response`, {
		method: 'POST',
		headers: { apikey: serviceRoleKey(), 'content-type': 'application/json' },
		body
	});
}

describe('odd answers to a survey', () => {
	for (const literal of ['4.0', '5.00', '2.50', '4.000001']) {
		it(`answers invalid for a satisfaction of ${literal}`, async () => {
			const { token } = await createInvitation({ kind: 'campaign' });
			const response = await submitRaw(token, literal);
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual({ outcome: 'invalid', errors: { satisfaction: 'invalid' } });
		});
	}

	it('still takes a whole number', async () => {
		const { token } = await createInvitation({ kind: 'campaign' });
		expect((await (await submitRaw(token, '4')).json()).outcome).toBe('ok');
	});
});
