// Staff access per role, signed in through the Auth server as the demo users.
import { describe, it, expect, beforeAll } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
	CLIENT_OF_ACCOUNT,
	CLIENT_OF_ACCOUNT_2,
	createInvitation,
	createSurvey,
	signedIn,
	sql,
	testDefinition,
	type DemoStaff
} from './fixtures.ts';

const staff = {} as Record<DemoStaff, SupabaseClient>;
const SEEDED_ITEMS = Array.from({ length: 8 }, (_, n) => `f2000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`);

beforeAll(async () => {
	for (const who of ['admin', 'manager', 'quality', 'agent', 'account'] as DemoStaff[]) staff[who] = await signedIn(who);
});

describe('surveys', () => {
	for (const who of ['quality', 'manager', 'admin'] as const) {
		it(`${who} can create, edit and delete a draft survey`, async () => {
			const created = await staff[who]
				.from('surveys')
				.insert({ definition: testDefinition() })
				.select('id, status, version, created_by')
				.single();
			expect(created.error).toBeNull();
			expect(created.data).toMatchObject({ status: 'draft', version: 1 });
			expect(created.data!.created_by).not.toBeNull();
			const edited = await staff[who].from('surveys').update({ status: 'active' }).eq('id', created.data!.id).select('status');
			expect(edited.data).toEqual([{ status: 'active' }]);
			// Only drafts can be deleted.
			const deleteActive = await staff[who].from('surveys').delete().eq('id', created.data!.id).select('id');
			expect(deleteActive.data).toEqual([]);
			await staff[who].from('surveys').update({ status: 'draft' }).eq('id', created.data!.id);
			const deleted = await staff[who].from('surveys').delete().eq('id', created.data!.id).select('id');
			expect(deleted.data).toHaveLength(1);
		});
	}

	for (const who of ['agent', 'account'] as const) {
		it(`${who} can read surveys but not create or edit them`, async () => {
			const read = await staff[who].from('surveys').select('id').eq('id', 'f0000000-0000-4000-8000-000000000001');
			expect(read.data).toHaveLength(1);
			const created = await staff[who].from('surveys').insert({ definition: testDefinition() });
			expect(created.error?.code).toBe('42501');
			const edited = await staff[who]
				.from('surveys')
				.update({ status: 'closed' })
				.eq('id', 'f0000000-0000-4000-8000-000000000001')
				.select('id');
			expect(edited.data).toEqual([]);
		});
	}

	it('an invalid definition is refused by the database with the problem named', async () => {
		const { error } = await staff.quality.from('surveys').insert({ definition: { ...testDefinition(), satisfactionThreshold: 9 } });
		expect(error?.code).toBe('23514');
		expect(error?.message).toContain('satisfactionThreshold: out_of_range');
	});
});

describe('invitations', () => {
	for (const who of ['agent', 'quality', 'manager', 'admin'] as const) {
		it(`${who} creates links in bulk, each token shown once and stored only as its hash`, async () => {
			const surveyId = await createSurvey();
			const { data, error } = await staff[who].rpc('create_invitations', {
				p_invitations: [
					{ kind: 'personal', survey_id: surveyId, client_id: CLIENT_OF_ACCOUNT_2, label: 'lote' },
					{ kind: 'campaign', survey_id: surveyId, offers_complaint: true, offers_suggestion: true }
				]
			});
			expect(error).toBeNull();
			expect(data).toHaveLength(2);
			const rows = await sql(
				"select kind, max_uses, encode(token_hash, 'hex') as hash from public.survey_invitations where id = any($1) order by kind",
				[data.map((row: { id: string }) => row.id)]
			);
			expect(rows.map((row) => [row.kind, row.max_uses])).toEqual([
				['personal', 1],
				['campaign', null]
			]);
			const page = await staff[who].rpc('get_feedback_page', { p_token: data[0].token });
			expect(page.data.outcome).toBe('ok');
		});
	}

	it('an account manager creates links for their own clients only, and sees only those', async () => {
		const own = await staff.account.rpc('create_invitation', {
			p_invitation: { kind: 'personal', offers_complaint: true, client_id: CLIENT_OF_ACCOUNT }
		});
		expect(own.error).toBeNull();
		const other = await staff.account.rpc('create_invitation', {
			p_invitation: { kind: 'personal', offers_complaint: true, client_id: CLIENT_OF_ACCOUNT_2 }
		});
		expect(other.error?.code).toBe('42501');
		const campaign = await staff.account.rpc('create_invitation', { p_invitation: { kind: 'campaign', offers_complaint: true } });
		expect(campaign.error?.code).toBe('42501');

		const foreign = await createInvitation({ clientId: CLIENT_OF_ACCOUNT_2 });
		const visible = await staff.account.from('survey_invitations').select('id, client_id').in('id', [own.data.id, foreign.id]);
		expect(visible.data).toEqual([{ id: own.data.id, client_id: CLIENT_OF_ACCOUNT }]);
		const revokeForeign = await staff.account
			.from('survey_invitations')
			.update({ revoked_at: new Date().toISOString() })
			.eq('id', foreign.id)
			.select('id');
		expect(revokeForeign.data).toEqual([]);
	});

	it('a bulk call is all or nothing', async () => {
		const before = (await sql('select count(*) as n from public.survey_invitations'))[0].n;
		const { error } = await staff.agent.rpc('create_invitations', {
			p_invitations: [
				{ kind: 'campaign', offers_complaint: true },
				{ kind: 'personal', offers_complaint: true }
			]
		});
		expect(error).not.toBeNull();
		expect((await sql('select count(*) as n from public.survey_invitations'))[0].n).toBe(before);
	});

	it('staff revoke a link, and the link answers revoked', async () => {
		const { id, token } = await createInvitation({ kind: 'campaign' });
		const { data } = await staff.agent
			.from('survey_invitations')
			.update({ revoked_at: new Date().toISOString() })
			.eq('id', id)
			.select('id');
		expect(data).toHaveLength(1);
		expect((await staff.agent.rpc('get_feedback_page', { p_token: token })).data).toEqual({ outcome: 'revoked' });
	});

	it('staff cannot change how often a link was used, nor its survey', async () => {
		const { id } = await createInvitation({ kind: 'campaign' });
		expect((await staff.admin.from('survey_invitations').update({ use_count: 0 }).eq('id', id)).error?.code).toBe('42501');
		expect((await staff.admin.from('survey_invitations').update({ survey_id: null }).eq('id', id)).error?.code).toBe('42501');
	});

	it('only admins delete invitations', async () => {
		const { id } = await createInvitation({ kind: 'campaign' });
		expect((await staff.manager.from('survey_invitations').delete().eq('id', id).select('id')).data).toEqual([]);
		expect((await staff.admin.from('survey_invitations').delete().eq('id', id).select('id')).data).toHaveLength(1);
	});
});

describe('responses and feedback', () => {
	for (const who of ['agent', 'quality', 'manager', 'admin'] as const) {
		it(`${who} reads every seeded feedback item, message and response`, async () => {
			const items = await staff[who].from('feedback_items').select('id').in('id', SEEDED_ITEMS);
			expect(items.data).toHaveLength(8);
			const messages = await staff[who]
				.from('feedback_messages')
				.select('is_public')
				.eq('feedback_item_id', 'f2000000-0000-4000-8000-000000000001');
			expect(messages.data?.map((message) => message.is_public).sort()).toEqual([false, true, true]);
			const responses = await staff[who]
				.from('survey_responses')
				.select('id', { count: 'exact', head: true })
				.eq('survey_id', 'f0000000-0000-4000-8000-000000000001');
			expect(responses.count).toBeGreaterThanOrEqual(180);
		});
	}

	it("an account manager reads their own clients' items, messages and responses only", async () => {
		const ownClients = (
			await sql<{ id: string }>("select id from public.clients where account_manager_id = 'a0000000-0000-4000-8000-000000000005'")
		).map((row) => row.id);
		const items = await staff.account.from('feedback_items').select('client_id');
		expect(items.data!.length).toBeGreaterThan(0);
		expect(items.data!.every((item) => ownClients.includes(item.client_id))).toBe(true);
		// Item 1 belongs to client 8, another account manager's.
		expect(
			(await staff.account.from('feedback_messages').select('id').eq('feedback_item_id', 'f2000000-0000-4000-8000-000000000001')).data
		).toEqual([]);
		const responses = await staff.account.from('survey_responses').select('client_id');
		expect(responses.data!.every((response) => ownClients.includes(response.client_id))).toBe(true);
	});

	it('staff triage an item and reply, as themselves; nobody edits a response', async () => {
		const [{ id: item }] = await sql<{ id: string }>(
			"insert into public.feedback_items (kind, category, subject, description) values ('complaint', 'billing', 'Factura', 'La factura no cuadra.') returning id"
		);
		const triaged = await staff.agent.from('feedback_items').update({ status: 'triaged' }).eq('id', item).select('status');
		expect(triaged.data).toEqual([{ status: 'triaged' }]);
		const reply = await staff.agent
			.from('feedback_messages')
			.insert({ feedback_item_id: item, body: 'Lo revisamos hoy.', is_public: true })
			.select('author_id')
			.single();
		expect(reply.data?.author_id).toBe('a0000000-0000-4000-8000-000000000004');
		const forged = await staff.agent
			.from('feedback_messages')
			.insert({ feedback_item_id: item, body: 'x', author_id: 'a0000000-0000-4000-8000-000000000001' });
		expect(forged.error?.code).toBe('42501');
		const edit = await staff.admin
			.from('survey_responses')
			.update({ satisfaction_score: 5 })
			.eq('survey_id', 'f0000000-0000-4000-8000-000000000001');
		expect(edit.error?.code).toBe('42501');
		const insert = await staff.admin.from('survey_responses').insert({ survey_id: 'f0000000-0000-4000-8000-000000000001', answers: {} });
		expect(insert.error?.code).toBe('42501');
	});

	it("an account manager cannot triage another manager's client's item", async () => {
		const { data } = await staff.account
			.from('feedback_items')
			.update({ status: 'triaged' })
			.eq('id', 'f2000000-0000-4000-8000-000000000005')
			.select('id');
		expect(data).toEqual([]);
	});

	it('only admins delete feedback', async () => {
		const [row] = await sql<{ id: string }>(
			"insert into public.feedback_items (kind, category, subject, description) values ('compliment', 'service', 'Gracias', 'Muy buen trato del equipo.') returning id"
		);
		expect((await staff.manager.from('feedback_items').delete().eq('id', row.id).select('id')).data).toEqual([]);
		expect((await staff.admin.from('feedback_items').delete().eq('id', row.id).select('id')).data).toHaveLength(1);
	});
});
