// A NUL character anywhere in a text field is a field error here, never a database failure later.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { feedbackItemSchema } from '../../../src/lib/feedback/feedback-item.ts';
import { answersSchemaFor } from '../../../src/lib/feedback/survey-definition.ts';
import { fieldErrorsOf } from '../../../src/lib/feedback/field-errors.ts';
import { everyTypeDefinition } from './survey-fixtures.ts';

const valid = { kind: 'complaint', category: 'delivery', subject: 'Entrega tardía', description: 'El pedido llegó dos días tarde.' };
const withNul = fc.tuple(fc.string({ maxLength: 15 }), fc.string({ maxLength: 15 })).map(([before, after]) => `${before}\u0000${after}xxxxxxxxxx`);

describe('NUL characters', () => {
	for (const field of ['subject', 'description', 'contact_email', 'contact_phone'] as const) {
		it(`make ${field} invalid, whatever surrounds them`, () => {
			fc.assert(
				fc.property(withNul, (text) => {
					const result = feedbackItemSchema.safeParse({ ...valid, [field]: text.slice(0, 30) });
					expect(result.success).toBe(false);
					if (!result.success) expect(fieldErrorsOf(result.error)[field]).toBeDefined();
				})
			);
		});
	}

	it('make a text answer of a survey invalid', () => {
		const definition = everyTypeDefinition();
		const textQuestion = definition.questions.find((question) => question.type === 'long_text' || question.type === 'short_text')!;
		const result = answersSchemaFor(definition).safeParse({ [textQuestion.id]: 'bien\u0000' });
		expect(result.success).toBe(false);
	});
});
