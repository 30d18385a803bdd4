// Invitations made at the process's lifecycle points, links reissued by staff, and survey edits once answered.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anon, createInvitation, createSurvey, newSubmissionToken, signedIn, sql, testAddress, testDefinition, validAnswers, validItem, app } from './fixtures.ts';
import type { FeedbackPage } from '../../../src/lib/feedback/rpc-types.ts';

let manager: SupabaseClient;
let agent: SupabaseClient;
let quality: SupabaseClient;
const lifecycleSurveys: string[] = [];

beforeAll(async () => {
	[manager, agent, quality] = await Promise.all([signedIn('manager'), signedIn('agent'), signedIn('quality')]);
	lifecycleSurveys.push(await createSurvey({ triggerPoint: 'contract_delivery' }), await createSurvey({ triggerPoint: 'complaint_resolution' }));
});

// Other tests deliver contracts and resolve items too; they should not get these surveys' invitations.
afterAll(async () => {
	await sql("update public.surveys set status = 'closed' where id = any($1)", [lifecycleSurveys]);
});

describe('a contract marked delivered', () => {
	it('gets a single-use personal invitation per active delivery survey, which staff reissue to send', async () => {
		const [contract] = await sql<{ id: string; client_id: string }>(
			`insert into public.contracts (client_id, reference, title, start_date, due_date)
			values ('c0000000-0000-4000-8000-000000000003', 'CT-TEST-' || gen_random_uuid(), 'Prueba de entrega', current_date - 30, current_date)
			returning id, client_id`
		);
		const delivered = await manager.from('contracts').update({ delivered_at: new Date().toISOString() }).eq('id', contract.id).select('id');
		expect(delivered.data).toHaveLength(1);

		const invitations = await sql<{ id: string; kind: string; max_uses: number; client_id: string; expires_at: Date }>(
			'select id, kind, max_uses, client_id, expires_at from public.survey_invitations where contract_id = $1 and survey_id = $2',
			[contract.id, lifecycleSurveys[0]]
		);
		expect(invitations).toHaveLength(1);
		expect(invitations[0]).toMatchObject({ kind: 'personal', max_uses: 1, client_id: contract.client_id });
		expect(invitations[0].expires_at.getTime()).toBeGreaterThan(Date.now());

		const { data: token, error } = await agent.rpc('reissue_invitation_link', { p_invitation_id: invitations[0].id });
		expect(error).toBeNull();
		const page = (await anon().rpc('get_feedback_page', { p_token: token })).data as FeedbackPage;
		expect(page.contract?.id).toBe(contract.id);

		// A second reissue replaces the link: the first token stops working.
		const { data: newer } = await agent.rpc('reissue_invitation_link', { p_invitation_id: invitations[0].id });
		expect((await anon().rpc('get_feedback_page', { p_token: token })).data).toEqual({ outcome: 'unknown_token' });
		expect((await anon().rpc('get_feedback_page', { p_token: newer })).data.outcome).toBe('ok');
	});

	it('reissuing is refused for a revoked link', async () => {
		const { id } = await createInvitation({ revokedAt: new Date() });
		const { error } = await agent.rpc('reissue_invitation_link', { p_invitation_id: id });
		expect(error?.code).toBe('P0002');
	});
});

describe('an item marked resolved', () => {
	it('gets resolved_at and an invitation per active resolution survey, tied to the item', async () => {
		const { token } = await createInvitation({ surveyId: null, offersComplaint: true });
		const submission = newSubmissionToken();
		await app().rpc('submit_feedback_item', { p_token: token, p_submission: submission, p_item: validItem(), p_client_address: testAddress() });
		const [item] = await sql<{ id: string }>("select id from public.feedback_items where submission_hash = sha256(convert_to($1, 'utf8'))", [submission]);

		const resolved = await agent.from('feedback_items').update({ status: 'resolved' }).eq('id', item.id).select('resolved_at');
		expect(resolved.data?.[0].resolved_at).not.toBeNull();
		const invitations = await sql('select kind, max_uses, client_id from public.survey_invitations where feedback_item_id = $1 and survey_id = $2', [item.id, lifecycleSurveys[1]]);
		expect(invitations).toEqual([{ kind: 'personal', max_uses: 1, client_id: 'c0000000-0000-4000-8000-000000000001' }]);

		// Reopening clears the resolution date.
		const reopened = await agent.from('feedback_items').update({ status: 'in_progress' }).eq('id', item.id).select('resolved_at');
		expect(reopened.data?.[0].resolved_at).toBeNull();
	});
});

describe('a survey with responses', () => {
	async function answeredSurvey() {
		const surveyId = await createSurvey();
		const { token } = await createInvitation({ surveyId });
		const { data } = await app().rpc('submit_survey_response', { p_token: token, p_submission: newSubmissionToken(), p_answers: validAnswers(), p_client_address: testAddress() });
		expect(data.outcome).toBe('ok');
		return surveyId;
	}

	const edit = (surveyId: string, definition: unknown) => quality.from('surveys').update({ definition }).eq('id', surveyId).select('id');

	it('accepts text edits and new questions', async () => {
		const surveyId = await answeredSurvey();
		const definition = testDefinition();
		definition.title = { es: 'Nuevo título', en: 'New title' };
		definition.questions[0].label = { es: '¿Nos recomendaría hoy?', en: 'Would you recommend us today?' };
		definition.questions.push({ id: 'extra', type: 'long_text', label: { es: 'Más', en: 'More' }, required: false });
		const { data, error } = await edit(surveyId, definition);
		expect(error).toBeNull();
		expect(data).toHaveLength(1);
	});

	const forbidden = [
		{ name: 'removing a question', change: (d: ReturnType<typeof testDefinition>) => d.questions.splice(3, 1), message: 'cannot be removed' },
		{ name: 'retyping a question', change: (d: ReturnType<typeof testDefinition>) => ((d.questions[0] as { type: string }).type = 'rating'), message: 'cannot change type' },
		{ name: 'removing an option', change: (d: ReturnType<typeof testDefinition>) => (d.questions[2] as { options: unknown[] }).options.push({ id: 'chat', label: { es: 'Chat', en: 'Chat' } }) && (d.questions[2] as { options: unknown[] }).options.splice(0, 1), message: 'options of question' },
		{ name: 'moving the threshold', change: (d: ReturnType<typeof testDefinition>) => (d.satisfactionThreshold = 3), message: 'satisfaction question and threshold' }
	];
	for (const { name, change, message } of forbidden) {
		it(`refuses ${name}`, async () => {
			const surveyId = await answeredSurvey();
			const definition = testDefinition();
			change(definition);
			const { error } = await edit(surveyId, definition);
			expect(error?.code).toBe('23514');
			expect(error?.message).toContain(message);
		});
	}

	it('takes a new version instead, numbered after the one it replaces', async () => {
		const surveyId = await answeredSurvey();
		const definition = testDefinition();
		definition.questions.splice(3, 1);
		const { data, error } = await quality.from('surveys').insert({ definition, previous_version_id: surveyId }).select('version').single();
		expect(error).toBeNull();
		expect(data?.version).toBe(2);
	});

	it('allows any edit while nobody has answered', async () => {
		const surveyId = await createSurvey();
		const definition = testDefinition();
		definition.questions.splice(3, 1);
		expect((await edit(surveyId, definition)).error).toBeNull();
	});
});
