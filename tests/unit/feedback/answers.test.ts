import { describe, it, expect } from 'vitest';
import {
	answersSchemaFor,
	isAnswered,
	satisfactionOf,
	surveyDefinitionSchema,
	type Answers,
	type Satisfaction
} from '../../../src/lib/feedback/survey-definition.ts';
import { fieldErrorsOf } from '../../../src/lib/feedback/field-errors.ts';
import { everyTypeDefinition } from './survey-fixtures.ts';

const definition = surveyDefinitionSchema.parse(everyTypeDefinition());
const answersSchema = answersSchemaFor(definition);
const minimal = { recommend: 7, satisfaction: 4 };

function errorsOf(answers: unknown) {
	const result = answersSchema.safeParse(answers);
	return result.success ? {} : fieldErrorsOf(result.error);
}

// Every question type, valid and invalid: { name, answers (merged over the minimal valid set), expected errors }.
const cases: { name: string; answers: Record<string, unknown>; expected: Record<string, string> }[] = [
	{ name: 'only the required answers', answers: {}, expected: {} },
	{ name: 'nps at 0', answers: { recommend: 0 }, expected: {} },
	{ name: 'nps at 10', answers: { recommend: 10 }, expected: {} },
	{ name: 'nps at 11', answers: { recommend: 11 }, expected: { recommend: 'invalid' } },
	{ name: 'nps below 0', answers: { recommend: -1 }, expected: { recommend: 'invalid' } },
	{ name: 'nps as a string', answers: { recommend: '7' }, expected: { recommend: 'invalid' } },
	{ name: 'nps fractional', answers: { recommend: 7.5 }, expected: { recommend: 'invalid' } },
	{ name: 'nps null', answers: { recommend: null }, expected: { recommend: 'invalid' } },
	{ name: 'csat at 1 and 5', answers: { satisfaction: 1 }, expected: {} },
	{ name: 'csat at 0', answers: { satisfaction: 0 }, expected: { satisfaction: 'invalid' } },
	{ name: 'csat at 6', answers: { satisfaction: 6 }, expected: { satisfaction: 'invalid' } },
	{ name: 'csat as a boolean', answers: { satisfaction: true }, expected: { satisfaction: 'invalid' } },
	{ name: 'rating at 5', answers: { stars: 5 }, expected: {} },
	{ name: 'rating at 0', answers: { stars: 0 }, expected: { stars: 'invalid' } },
	{ name: 'rating as an array', answers: { stars: [3] }, expected: { stars: 'invalid' } },
	{ name: 'single choice of an option', answers: { channel: 'email' }, expected: {} },
	{ name: 'single choice of an unknown option', answers: { channel: 'fax' }, expected: { channel: 'invalid' } },
	{ name: 'single choice as a list', answers: { channel: ['email'] }, expected: { channel: 'invalid' } },
	{ name: 'multiple choice of two options', answers: { strengths: ['price', 'speed'] }, expected: {} },
	{ name: 'multiple choice left empty (optional)', answers: { strengths: [] }, expected: {} },
	{ name: 'multiple choice with an unknown option', answers: { strengths: ['price', 'luck'] }, expected: { strengths: 'invalid' } },
	{ name: 'multiple choice with a repeated option', answers: { strengths: ['price', 'price'] }, expected: { strengths: 'invalid' } },
	{ name: 'multiple choice as a string', answers: { strengths: 'price' }, expected: { strengths: 'invalid' } },
	{ name: 'short text within its limit', answers: { name: 'Ana Pérez' }, expected: {} },
	{ name: 'short text over its limit', answers: { name: 'x'.repeat(11) }, expected: { name: 'too_long' } },
	{ name: 'short text blank (optional)', answers: { name: '  ' }, expected: {} },
	{ name: 'short text as a number', answers: { name: 42 }, expected: { name: 'invalid' } },
	{ name: 'long text at the 4000 cap', answers: { comments: 'x'.repeat(4000) }, expected: {} },
	{ name: 'long text over the 4000 cap', answers: { comments: 'x'.repeat(4001) }, expected: { comments: 'too_long' } },
	{ name: 'an unknown question id', answers: { mood: 3 }, expected: { mood: 'unknown_field' } }
];

describe('answersSchemaFor', () => {
	for (const { name, answers, expected } of cases) {
		it(name, () => expect(errorsOf({ ...minimal, ...answers })).toEqual(expected));
	}

	it('reports a missing required answer as required', () => {
		expect(errorsOf({ satisfaction: 4 })).toEqual({ recommend: 'required' });
		expect(errorsOf({})).toEqual({ recommend: 'required', satisfaction: 'required' });
	});

	it('refuses answers that are not an object', () => {
		expect(errorsOf(['recommend', 7])).toEqual({ _form: 'invalid' });
		expect(errorsOf('7')).toEqual({ _form: 'invalid' });
	});

	it('requires a choice and a non-blank text when those questions are required', () => {
		const strict = surveyDefinitionSchema.parse({
			...everyTypeDefinition(),
			questions: everyTypeDefinition().questions.map((question) => ({ ...question, required: true }))
		});
		const result = answersSchemaFor(strict).safeParse({
			...minimal,
			stars: 3,
			channel: 'phone',
			strengths: [],
			name: '   ',
			comments: 'ok'
		});
		expect(result.success ? {} : fieldErrorsOf(result.error)).toEqual({ strengths: 'required', name: 'required' });
	});
});

describe('satisfactionOf', () => {
	const cases: { name: string; answers: Answers; expected: Satisfaction }[] = [
		{ name: 'at the threshold is satisfied', answers: { recommend: 1, satisfaction: 4 }, expected: { score: 4, isSatisfied: true } },
		{ name: 'above the threshold is satisfied', answers: { recommend: 1, satisfaction: 5 }, expected: { score: 5, isSatisfied: true } },
		{ name: 'below the threshold is not', answers: { recommend: 10, satisfaction: 3 }, expected: { score: 3, isSatisfied: false } },
		{ name: 'without the answer there is no score', answers: { recommend: 10 }, expected: { score: null, isSatisfied: null } }
	];
	for (const { name, answers, expected } of cases) it(name, () => expect(satisfactionOf(definition, answers)).toEqual(expected));
});

describe('isAnswered', () => {
	const cases = [
		{ input: 0, expected: true },
		{ input: 'texto', expected: true },
		{ input: ' ', expected: false },
		{ input: [], expected: false },
		{ input: ['a'], expected: true },
		{ input: undefined, expected: false }
	];
	for (const { input, expected } of cases) it(`${JSON.stringify(input)} → ${expected}`, () => expect(isAnswered(input)).toBe(expected));
});
