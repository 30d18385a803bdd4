import { describe, it, expect } from 'vitest';
import { anon, app, createInvitation, newSubmissionToken, resolveThroughWorkflow, sql, testAddress, validItem } from './fixtures.ts';
import type { TrackingPage } from '../../../src/lib/feedback/rpc-types.ts';

async function fileComplaint() {
	const { token } = await createInvitation({ surveyId: null, offersComplaint: true });
	const trackingToken = newSubmissionToken();
	const { data } = await app().rpc('submit_feedback_item', {
		p_token: token,
		p_submission: trackingToken,
		p_item: validItem(),
		p_client_address: testAddress()
	});
	expect(data.outcome).toBe('ok');
	const [item] = await sql<{ id: string }>("select id from public.feedback_items where submission_hash = sha256(convert_to($1, 'utf8'))", [
		trackingToken
	]);
	return { trackingToken, itemId: item.id };
}

async function track(trackingToken: string) {
	const { data, error } = await anon().rpc('get_tracking', { p_tracking_token: trackingToken });
	expect(error).toBeNull();
	return data;
}

async function rate(trackingToken: string, satisfied: boolean | null, submission = newSubmissionToken()) {
	const { data, error } = await app().rpc('submit_resolution_feedback', {
		p_tracking_token: trackingToken,
		p_submission: submission,
		p_satisfied: satisfied,
		p_client_address: testAddress()
	});
	expect(error).toBeNull();
	return data;
}

describe('get_tracking as anon', () => {
	it('follows a new complaint by its submission token', async () => {
		const { trackingToken } = await fileComplaint();
		const result = (await track(trackingToken)) as TrackingPage;
		expect(result).toMatchObject({
			outcome: 'ok',
			item: { kind: 'complaint', status: 'new', subject: validItem().subject, resolvedAt: null, canRateResolution: false },
			replies: []
		});
	});

	it('shows public replies only, without authors', async () => {
		const result = (await track('demo-tracking-2026')) as TrackingPage;
		expect(result.item.status).toBe('resolved');
		expect(result.replies.length).toBe(2);
		for (const reply of result.replies) expect(Object.keys(reply).sort()).toEqual(['body', 'fromClient', 'sentAt']);
		expect(JSON.stringify(result)).not.toMatch(/lector no registró|author|a0000000/);
		expect(JSON.stringify(result)).not.toMatch(/compras@recambiosnorte/);
	});

	it('answers unknown_token for a token it does not know, and for a link token', async () => {
		expect(await track('nope-' + newSubmissionToken())).toEqual({ outcome: 'unknown_token' });
		expect(await track('demo-campaign-2026')).toEqual({ outcome: 'unknown_token' });
	});
});

describe('submit_resolution_feedback as anon', () => {
	it('answers not_resolved before resolution, then records the answer once', async () => {
		const { trackingToken, itemId } = await fileComplaint();
		expect(await rate(trackingToken, true)).toEqual({ outcome: 'not_resolved' });
		await resolveThroughWorkflow(itemId);
		expect(((await track(trackingToken)) as TrackingPage).item.canRateResolution).toBe(true);

		const submission = newSubmissionToken();
		const first = await rate(trackingToken, false, submission);
		expect(first).toEqual({ outcome: 'ok', confirmation: { satisfied: false, submittedAt: expect.any(String) } });
		expect(await rate(trackingToken, false, submission)).toEqual({ outcome: 'duplicate', confirmation: first.confirmation });
		expect(await rate(trackingToken, true)).toEqual({ outcome: 'already_used' });

		const [row] = await sql('select resolution_satisfied from public.feedback_items where id = $1', [itemId]);
		expect(row.resolution_satisfied).toBe(false);
		expect(((await track(trackingToken)) as TrackingPage).item).toMatchObject({ resolutionSatisfied: false, canRateResolution: false });
	});

	it('answers unknown_token, invalid submission and missing answer', async () => {
		expect(await rate('nope-' + newSubmissionToken(), true)).toEqual({ outcome: 'unknown_token' });
		const { trackingToken, itemId } = await fileComplaint();
		await resolveThroughWorkflow(itemId);
		expect(await rate(trackingToken, true, 'short')).toEqual({ outcome: 'invalid', errors: { submission: 'invalid' } });
		expect(await rate(trackingToken, null)).toEqual({ outcome: 'invalid', errors: { satisfied: 'required' } });
	});
});
