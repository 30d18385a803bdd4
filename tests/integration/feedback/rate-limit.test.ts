import { describe, it, expect } from 'vitest';
import { app, createInvitation, newSubmissionToken, sql, testAddress, validAnswers, validItem } from './fixtures.ts';
import { loopbackSource, rpcFrom } from './rpc-from.ts';

const limitOf = async (scope: string) =>
	Number((await sql('select max_attempts_per_minute as n from private.rate_limit_rules where scope = $1', [scope]))[0].n);

// A fixed window: attempts made across a minute boundary count in two windows. Wait for a fresh minute
// when too close to the end, so the test sees one window.
async function awayFromMinuteEnd() {
	const secondsLeft = 60 - new Date().getSeconds();
	if (secondsLeft < 12) await new Promise((resolve) => setTimeout(resolve, secondsLeft * 1000 + 500));
}

describe('attempt limits', () => {
	it('turns an address away after its per-minute limit, on every submission RPC', async () => {
		await awayFromMinuteEnd();
		const address = testAddress();
		const limit = await limitOf('address');
		const { token } = await createInvitation({ kind: 'campaign', offersComplaint: true });
		// Two posters, so neither reaches its per-source share (campaign_invitation_source) first.
		const { token: otherPoster } = await createInvitation({ kind: 'campaign', offersComplaint: true });
		for (let attempt = 0; attempt < limit; attempt++) {
			// Wrong answers still count as attempts.
			const { data } = await app().rpc('submit_survey_response', {
				p_token: attempt % 2 ? token : otherPoster,
				p_submission: newSubmissionToken(),
				p_answers: {},
				p_client_address: address
			});
			expect(data.outcome).toBe('invalid');
		}
		const survey = await app().rpc('submit_survey_response', { p_token: token, p_submission: newSubmissionToken(), p_answers: validAnswers(), p_client_address: address });
		const item = await app().rpc('submit_feedback_item', { p_token: token, p_submission: newSubmissionToken(), p_item: validItem(), p_client_address: address });
		const resolution = await app().rpc('submit_resolution_feedback', { p_tracking_token: 'demo-tracking-2026', p_submission: newSubmissionToken(), p_satisfied: true, p_client_address: address });
		const unknown = await app().rpc('submit_survey_response', { p_token: 'unknown', p_submission: newSubmissionToken(), p_answers: {}, p_client_address: address });
		for (const { data } of [survey, item, resolution, unknown]) expect(data).toEqual({ outcome: 'rate_limited' });
		// Another address is not affected.
		const other = await app().rpc('submit_survey_response', { p_token: token, p_submission: newSubmissionToken(), p_answers: validAnswers(), p_client_address: testAddress() });
		expect(other.data.outcome).toBe('ok');
	});

	it('turns a personal link away after its per-minute limit, whatever the address', async () => {
		await awayFromMinuteEnd();
		const limit = await limitOf('personal_invitation');
		const { id, token } = await createInvitation();
		const outcomes: string[] = [];
		for (let attempt = 0; attempt <= limit; attempt++) {
			const { data } = await app().rpc('submit_survey_response', { p_token: token, p_submission: newSubmissionToken(), p_answers: { recommend: 99 }, p_client_address: testAddress() });
			outcomes.push(data.outcome);
		}
		expect(outcomes.slice(0, limit).every((outcome) => outcome === 'invalid')).toBe(true);
		expect(outcomes.at(-1)).toBe('rate_limited');
		// Even a valid answer now waits for the next minute, and nothing is stored.
		const { data } = await app().rpc('submit_survey_response', { p_token: token, p_submission: newSubmissionToken(), p_answers: validAnswers(), p_client_address: testAddress() });
		expect(data).toEqual({ outcome: 'rate_limited' });
		expect((await sql('select count(*) as n from public.survey_responses where invitation_id = $1', [id]))[0].n).toBe('0');
	});

	it('keeps no client address in the counters', async () => {
		const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
		await app().rpc('submit_survey_response', { p_token: 'unknown', p_submission: newSubmissionToken(), p_answers: {}, p_client_address: address });
		const rows = await sql('select bucket from private.rate_limit_slots where bucket like $1', [`%${address}%`]);
		expect(rows).toEqual([]);
	});

	it('limits a direct anon caller by the address the gateway saw, whatever address or X-Forwarded-For it claims', async () => {
		await awayFromMinuteEnd();
		const source = loopbackSource();
		const limit = await limitOf('address');
		const outcomes: string[] = [];
		for (let attempt = 0; attempt < limit + 5; attempt++) {
			// null (never limited before), a new made-up address each time, and a forged header.
			const claimed = attempt % 3 === 0 ? null : testAddress();
			const { body } = await rpcFrom(
				source,
				'submit_survey_response',
				{ p_token: `guess-${attempt}`, p_submission: newSubmissionToken(), p_answers: {}, p_client_address: claimed },
				{ 'x-forwarded-for': `198.51.100.${attempt % 250}`, 'x-real-ip': `198.51.100.${attempt % 250}` }
			);
			outcomes.push(body.outcome);
		}
		// Token guesses count too: this is what bounds guessing a live link.
		expect(outcomes.slice(0, limit)).toEqual(Array(limit).fill('unknown_token'));
		expect(outcomes.slice(limit)).toEqual(Array(5).fill('rate_limited'));
	});

	it("keeps a campaign poster open to other phones while one source spends its share", async () => {
		await awayFromMinuteEnd();
		const share = await limitOf('campaign_invitation_source');
		const { token } = await createInvitation({ kind: 'campaign', offersComplaint: true });
		const abuser = testAddress();
		const junk: string[] = [];
		for (let attempt = 0; attempt < share + 5; attempt++) {
			const { data } = await app().rpc('submit_feedback_item', { p_token: token, p_submission: 'junk', p_item: {}, p_client_address: abuser });
			junk.push(data.outcome);
		}
		expect(junk.slice(0, share)).toEqual(Array(share).fill('invalid'));
		expect(junk.slice(share)).toEqual(Array(5).fill('rate_limited'));
		// Real phones on the same poster still get through.
		for (let phone = 0; phone < 3; phone++) {
			const { data } = await app().rpc('submit_feedback_item', { p_token: token, p_submission: newSubmissionToken(), p_item: validItem(), p_client_address: testAddress() });
			expect(data.outcome).toBe('ok');
		}
	});
});
