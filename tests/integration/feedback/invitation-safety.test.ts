// Links staff create: references only to what the creator may read (the same answer for "not yours"
// and "does not exist"), and tokens only the database makes (128 random bits).
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { sha256Hex } from '../../../src/lib/server/tokens.ts';
import { CLIENT_OF_ACCOUNT, CLIENT_OF_ACCOUNT_2, createSurvey, signedIn, sql } from './fixtures.ts';

async function itemOf(clientId: string): Promise<string> {
	const [row] = await sql<{ id: string }>(
		`insert into public.feedback_items (kind, category, subject, description, client_id, submission_hash)
		values ('complaint', 'delivery', 'Prueba', 'Una queja de prueba', $1, extensions.digest(gen_random_uuid()::text, 'sha256')) returning id`,
		[clientId]
	);
	return row.id;
}

async function contractOf(clientId: string): Promise<string> {
	const [row] = await sql<{ id: string }>(
		`insert into public.contracts (client_id, reference, title, start_date, due_date)
		values ($1, 'REF-' || gen_random_uuid(), 'Contrato de prueba', current_date, current_date + 10) returning id`,
		[clientId]
	);
	return row.id;
}

describe('references of a new invitation', () => {
	let account: SupabaseClient;
	let surveyId: string;
	beforeAll(async () => {
		account = await signedIn('account');
		surveyId = await createSurvey();
	});

	// Through the staff RPC (contracts), and straight into the table as the review did (feedback items:
	// the RPC takes none, and a direct insert is refused anyway for its token, but only after this check).
	const viaRpc = (fields: Record<string, unknown>) =>
		account.rpc('create_invitation', { p_invitation: { kind: 'personal', survey_id: surveyId, client_id: CLIENT_OF_ACCOUNT, ...fields } });
	const viaTable = (fields: Record<string, unknown>) =>
		account.from('survey_invitations').insert({
			kind: 'personal',
			survey_id: surveyId,
			client_id: CLIENT_OF_ACCOUNT,
			token_hash: `\\x${sha256Hex(randomUUID())}`,
			...fields
		});
	const cases = [
		{ field: 'contract_id', make: contractOf, create: viaRpc, ownOutcome: null },
		{ field: 'feedback_item_id', make: itemOf, create: viaTable, ownOutcome: '42501' }
	] as const;

	for (const { field, make, create, ownOutcome } of cases) {
		it(`takes the account manager's own ${field}`, async () => {
			const { error } = await create({ [field]: await make(CLIENT_OF_ACCOUNT) });
			expect(error?.code ?? null).toBe(ownOutcome);
		});

		it(`answers the same for another manager's ${field} and a random one, and stores nothing`, async () => {
			const foreign = await make(CLIENT_OF_ACCOUNT_2);
			const before = (await sql('select count(*) as n from public.survey_invitations'))[0].n;
			const answers = [];
			for (const id of [foreign, randomUUID(), randomUUID()]) {
				const { error } = await create({ [field]: id });
				answers.push({ code: error?.code, message: error?.message });
			}
			expect(answers[0]).toEqual({ code: 'P0002', message: 'no such survey, contract or feedback item that you may read' });
			expect(answers.slice(1)).toEqual([answers[0], answers[0]]);
			expect((await sql('select count(*) as n from public.survey_invitations'))[0].n).toBe(before);
		});
	}
});

describe('link tokens', () => {
	let admin: SupabaseClient;
	beforeAll(async () => {
		admin = await signedIn('admin');
	});

	it('refuses a token_hash written by staff, on insert and on update, whatever the token', async () => {
		const surveyId = await createSurvey();
		const { data: created } = await admin.rpc('create_invitation', { p_invitation: { kind: 'campaign', survey_id: surveyId } });
		const chosen = fc.sample(fc.string({ minLength: 1, maxLength: 40 }), 5);
		for (const token of chosen) {
			const hash = `\\x${sha256Hex(token)}`;
			const inserted = await admin.from('survey_invitations').insert({ kind: 'campaign', survey_id: surveyId, token_hash: hash });
			expect(inserted.error?.code).toBe('42501');
			const updated = await admin.from('survey_invitations').update({ token_hash: hash }).eq('id', created.id);
			expect(updated.error?.code).toBe('42501');
			expect((await admin.rpc('get_feedback_page', { p_token: token })).data).toEqual({ outcome: 'unknown_token' });
		}
	});

	it('makes every token itself: 22 base64url characters (128 bits), a new one on reissue', async () => {
		const surveyId = await createSurvey();
		const { data, error } = await admin.rpc('create_invitations', {
			p_invitations: [{ kind: 'campaign', survey_id: surveyId }, { kind: 'campaign', survey_id: surveyId }]
		});
		expect(error).toBeNull();
		for (const { token } of data) expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
		const reissued = await admin.rpc('reissue_invitation_link', { p_invitation_id: data[0].id });
		expect(reissued.data).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect((await admin.rpc('get_feedback_page', { p_token: reissued.data })).data.outcome).toBe('ok');
		expect((await admin.rpc('get_feedback_page', { p_token: data[0].token })).data).toEqual({ outcome: 'unknown_token' });
	});
});
