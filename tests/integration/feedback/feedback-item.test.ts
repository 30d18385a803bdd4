import { describe, it, expect } from 'vitest';
import { anon, createInvitation, CLIENT_OF_ACCOUNT, CONTRACT_OF_CLIENT_1, CONTRACT_OF_CLIENT_2, newSubmissionToken, sql, testAddress, validItem, app } from './fixtures.ts';
import { sha256Hex } from '../../../src/lib/server/tokens.ts';

async function submit(token: string, item: unknown, submission = newSubmissionToken()) {
	const { data, error } = await app().rpc('submit_feedback_item', {
		p_token: token,
		p_submission: submission,
		p_item: item,
		p_client_address: testAddress()
	});
	expect(error).toBeNull();
	return data;
}

const itemsOf = (invitationId: string) =>
	sql('select kind, status, category, subject, description, contact_email, contact_phone, contact_consent, client_id, contract_id from public.feedback_items where invitation_id = $1', [invitationId]);

const complaintLink = (options = {}) => createInvitation({ surveyId: null, offersComplaint: true, offersSuggestion: true, ...options });

describe('submit_feedback_item as anon', () => {
	it('stores a complaint as new, trimmed, tied to the link, and hands back the submission token for tracking', async () => {
		const { id, token } = await complaintLink({ contractId: CONTRACT_OF_CLIENT_1 });
		const submission = newSubmissionToken();
		const result = await submit(token, { ...validItem(), subject: '  Entrega incompleta  ', contact_phone: '' }, submission);
		expect(result).toEqual({
			outcome: 'ok',
			confirmation: { kind: 'complaint', trackingToken: submission, submittedAt: expect.any(String) }
		});
		expect(await itemsOf(id)).toEqual([
			{
				kind: 'complaint',
				status: 'new',
				category: 'delivery',
				subject: 'Entrega incompleta',
				description: validItem().description,
				contact_email: 'cliente@example.com',
				contact_phone: null,
				contact_consent: true,
				client_id: CLIENT_OF_ACCOUNT,
				contract_id: CONTRACT_OF_CLIENT_1
			}
		]);
		const [row] = await sql("select encode(submission_hash, 'hex') as hash from public.feedback_items where invitation_id = $1", [id]);
		expect(row.hash).toBe(sha256Hex(submission));
	});

	it('takes a suggestion through the anonymous demo campaign', async () => {
		const result = await submit('demo-campaign-2026', { ...validItem(), kind: 'suggestion', contact_email: '' });
		expect(result.outcome).toBe('ok');
		expect(result.confirmation.kind).toBe('suggestion');
	});

	it('lets a complaint name one of the link client’s contracts', async () => {
		const { id, token } = await complaintLink();
		expect((await submit(token, { ...validItem(), contract_id: CONTRACT_OF_CLIENT_1 })).outcome).toBe('ok');
		expect((await itemsOf(id))[0].contract_id).toBe(CONTRACT_OF_CLIENT_1);
	});

	it('answers the same submission twice with the same confirmation and stores one row', async () => {
		const { id, token } = await complaintLink();
		const submission = newSubmissionToken();
		const first = await submit(token, validItem(), submission);
		const second = await submit(token, validItem(), submission);
		expect(first.outcome).toBe('ok');
		expect(second).toEqual({ outcome: 'duplicate', confirmation: first.confirmation });
		expect(await itemsOf(id)).toHaveLength(1);
	});

	it('still takes a complaint on a personal link whose survey was answered (links cap responses only)', async () => {
		const { id, token } = await createInvitation({ offersComplaint: true });
		await sql('update public.survey_invitations set use_count = max_uses where id = $1', [id]);
		expect((await submit(token, validItem())).outcome).toBe('ok');
	});

	const linkRefusals = [
		{ name: 'unknown token', make: async () => 'unknown-' + newSubmissionToken(), expected: 'unknown_token' },
		{ name: 'expired link', make: async () => (await complaintLink({ expiresAt: new Date(Date.now() - 1000) })).token, expected: 'expired' },
		{ name: 'revoked link', make: async () => (await complaintLink({ revokedAt: new Date() })).token, expected: 'revoked' }
	];
	for (const { name, make, expected } of linkRefusals) {
		it(`answers ${expected} for a ${name}`, async () => {
			expect(await submit(await make(), validItem())).toEqual({ outcome: expected });
		});
	}

	it('refuses a link that offers only a survey', async () => {
		const { token } = await createInvitation();
		expect(await submit(token, validItem())).toEqual({ outcome: 'invalid', errors: { _form: 'not_offered' } });
	});

	const invalidItems = [
		{ name: 'a kind the link does not offer', item: { ...validItem(), kind: 'suggestion' }, only: 'complaint', errors: { kind: 'not_offered' } },
		{ name: 'a compliment', item: { ...validItem(), kind: 'compliment' }, errors: { kind: 'invalid' } },
		{ name: 'a category outside the list', item: { ...validItem(), category: 'weather' }, errors: { category: 'invalid' } },
		{ name: 'a missing subject', item: { ...validItem(), subject: undefined }, errors: { subject: 'required' } },
		{ name: 'a blank subject', item: { ...validItem(), subject: '   ' }, errors: { subject: 'required' } },
		{ name: 'an oversize subject', item: { ...validItem(), subject: 's'.repeat(121) }, errors: { subject: 'too_long' } },
		{ name: 'a short description', item: { ...validItem(), description: 'Mal.' }, errors: { description: 'too_short' } },
		{ name: 'an oversize description', item: { ...validItem(), description: 'd'.repeat(4001) }, errors: { description: 'too_long' } },
		{ name: 'a description of the wrong type', item: { ...validItem(), description: 42 }, errors: { description: 'invalid' } },
		{ name: 'an invalid e-mail', item: { ...validItem(), contact_email: 'cliente@example' }, errors: { contact_email: 'email_invalid' } },
		{ name: 'an oversize e-mail', item: { ...validItem(), contact_email: `${'a'.repeat(250)}@example.com` }, errors: { contact_email: 'too_long' } },
		{ name: 'an invalid phone', item: { ...validItem(), contact_phone: '12' }, errors: { contact_phone: 'invalid' } },
		{ name: 'consent that is not a boolean', item: { ...validItem(), contact_consent: 'yes' }, errors: { contact_consent: 'invalid' } },
		{ name: 'a malformed contract id', item: { ...validItem(), contract_id: 'CT-1' }, errors: { contract_id: 'invalid' } },
		{ name: "another client's contract", item: { ...validItem(), contract_id: CONTRACT_OF_CLIENT_2 }, errors: { contract_id: 'invalid' } },
		{ name: 'the honeypot filled', item: { ...validItem(), website: 'http://spam.example' }, errors: { website: 'invalid' } },
		{ name: 'an unknown field', item: { ...validItem(), status: 'resolved' }, errors: { status: 'unknown_field' } },
		{ name: 'an item that is not an object', item: 'complaint', errors: { _form: 'invalid' } }
	];
	for (const { name, item, only, errors } of invalidItems) {
		it(`answers invalid for ${name} and stores nothing`, async () => {
			const { id, token } = await complaintLink(only ? { offersSuggestion: false } : {});
			expect(await submit(token, item)).toEqual({ outcome: 'invalid', errors });
			expect(await itemsOf(id)).toHaveLength(0);
		});
	}

	it('refuses naming a contract through an anonymous campaign link', async () => {
		const { token } = await complaintLink({ kind: 'campaign', clientId: null });
		expect(await submit(token, { ...validItem(), contract_id: CONTRACT_OF_CLIENT_1 })).toEqual({ outcome: 'invalid', errors: { contract_id: 'invalid' } });
	});
});
