import { describe, it, expect } from 'vitest';
import { feedbackItemSchema, DESCRIPTION_MAX, SUBJECT_MAX, HONEYPOT_FIELD } from '../../../src/lib/feedback/feedback-item.ts';
import { fieldErrorsOf } from '../../../src/lib/feedback/field-errors.ts';

const valid = { kind: 'complaint', category: 'delivery', subject: 'Entrega tardía', description: 'El pedido llegó dos días tarde.' };

function errorsOf(item: unknown) {
	const result = feedbackItemSchema.safeParse(item);
	return result.success ? {} : fieldErrorsOf(result.error);
}

describe('feedbackItemSchema', () => {
	const cases: { name: string; item: Record<string, unknown>; expected: Record<string, string> }[] = [
		{ name: 'a minimal complaint', item: {}, expected: {} },
		{
			name: 'a suggestion with every optional field',
			item: {
				kind: 'suggestion',
				contact_email: 'ana@example.com',
				contact_phone: '+34 600 11 22 33',
				contact_consent: true,
				contract_id: 'd0000000-0000-4000-8000-000000000001'
			},
			expected: {}
		},
		{
			name: 'empty optional fields as a form sends them',
			item: { contact_email: '', contact_phone: '', contract_id: '', [HONEYPOT_FIELD]: '' },
			expected: {}
		},
		{ name: 'a compliment (staff only)', item: { kind: 'compliment' }, expected: { kind: 'invalid' } },
		{ name: 'no kind', item: { kind: undefined }, expected: { kind: 'required' } },
		{ name: 'a category outside the list', item: { category: 'weather' }, expected: { category: 'invalid' } },
		{ name: 'a blank subject', item: { subject: '   ' }, expected: { subject: 'required' } },
		{ name: 'a subject at the limit', item: { subject: 's'.repeat(SUBJECT_MAX) }, expected: {} },
		{ name: 'a subject over the limit', item: { subject: 's'.repeat(SUBJECT_MAX + 1) }, expected: { subject: 'too_long' } },
		{ name: 'a description under 10 characters', item: { description: 'Tarde.   ' }, expected: { description: 'too_short' } },
		{ name: 'a description over the limit', item: { description: 'd'.repeat(DESCRIPTION_MAX + 1) }, expected: { description: 'too_long' } },
		{ name: 'an e-mail without a domain', item: { contact_email: 'ana@example' }, expected: { contact_email: 'email_invalid' } },
		{ name: 'a phone with too few digits', item: { contact_phone: '12 34' }, expected: { contact_phone: 'invalid' } },
		{ name: 'a phone with letters', item: { contact_phone: '600 CALL ME' }, expected: { contact_phone: 'invalid' } },
		{ name: 'consent as a string', item: { contact_consent: 'on' }, expected: { contact_consent: 'invalid' } },
		{ name: 'a contract id that is not a uuid', item: { contract_id: 'CT-2026-001' }, expected: { contract_id: 'invalid' } },
		{ name: 'the honeypot filled', item: { [HONEYPOT_FIELD]: 'http://spam.example' }, expected: { [HONEYPOT_FIELD]: 'invalid' } },
		{ name: 'an unknown field', item: { priority: 'high' }, expected: { priority: 'unknown_field' } }
	];
	for (const { name, item, expected } of cases) {
		it(name, () => expect(errorsOf({ ...valid, ...item })).toEqual(expected));
	}

	it('trims the subject and description and defaults consent to false', () => {
		expect(feedbackItemSchema.parse({ ...valid, subject: '  Entrega  ' })).toMatchObject({ subject: 'Entrega', contact_consent: false });
	});
});
