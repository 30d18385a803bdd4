// A client who answers "not resolved" on the tracking page reopens the item, counted, on its timeline.
import { describe, it, expect } from 'vitest';
import { app, createInvitation, newSubmissionToken, resolveThroughWorkflow, sql, testAddress, validItem } from '../feedback/fixtures.ts';

async function fileAndResolve() {
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
	await resolveThroughWorkflow(item.id);
	return { trackingToken, itemId: item.id };
}

const rate = (trackingToken: string, satisfied: boolean) =>
	app().rpc('submit_resolution_feedback', {
		p_tracking_token: trackingToken,
		p_submission: newSubmissionToken(),
		p_satisfied: satisfied,
		p_client_address: testAddress()
	});

describe("the client's resolution answer", () => {
	it('"not resolved" sends the item back to in_progress and counts a reopen', async () => {
		const { trackingToken, itemId } = await fileAndResolve();
		expect((await rate(trackingToken, false)).data.outcome).toBe('ok');
		const [row] = await sql('select status, reopen_count, resolved_at from public.feedback_items where id = $1', [itemId]);
		expect(row).toEqual({ status: 'in_progress', reopen_count: 1, resolved_at: null });
		const events = await sql(
			'select kind, actor_id, from_status, to_status, details from public.feedback_item_events where feedback_item_id = $1 order by id',
			[itemId]
		);
		expect(events.slice(-2)).toEqual([
			{ kind: 'client_resolution_answer', actor_id: null, from_status: null, to_status: null, details: { satisfied: false } },
			{ kind: 'status_changed', actor_id: null, from_status: 'resolved', to_status: 'in_progress', details: { reopened_by_client: true } }
		]);
	});

	it('"resolved" leaves the item resolved', async () => {
		const { trackingToken, itemId } = await fileAndResolve();
		expect((await rate(trackingToken, true)).data.outcome).toBe('ok');
		const [row] = await sql('select status, reopen_count from public.feedback_items where id = $1', [itemId]);
		expect(row).toEqual({ status: 'resolved', reopen_count: 0 });
	});
});
