import { describe, it, expect } from 'vitest';
import { surveyDefinitionSchema, type SurveyDefinition } from '../../../src/lib/feedback/survey-definition.ts';
import { everyTypeDefinition, text } from './survey-fixtures.ts';

type Edit = (definition: SurveyDefinition & Record<string, unknown>) => void;
// Structural edits on a valid definition; `any` lets a case break the type on purpose.
/* eslint-disable @typescript-eslint/no-explicit-any */
const question = (definition: SurveyDefinition, id: string): any => definition.questions.find((q) => q.id === id);

function issuesOf(edit: Edit) {
	const definition = everyTypeDefinition() as SurveyDefinition & Record<string, unknown>;
	edit(definition);
	const result = surveyDefinitionSchema.safeParse(definition);
	return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('surveyDefinitionSchema accepts', () => {
	const cases: { name: string; edit: Edit }[] = [
		{ name: 'one question of every type', edit: () => {} },
		{
			name: 'an NPS satisfaction question with threshold 9',
			edit: (d) => ((d.satisfactionQuestionId = 'recommend'), (d.satisfactionThreshold = 9))
		},
		{
			name: 'a rating satisfaction question (made required) at threshold 1',
			edit: (d) => ((question(d, 'stars').required = true), (d.satisfactionQuestionId = 'stars'), (d.satisfactionThreshold = 1))
		},
		{ name: 'a CSAT threshold at the top of its scale', edit: (d) => (d.satisfactionThreshold = 5) },
		{ name: 'a long-text limit at its cap', edit: (d) => (question(d, 'comments').maxLength = 4000) },
		{ name: 'texts with surrounding spaces (trimmed)', edit: (d) => (d.title = text('  Encuesta  ')) }
	];
	for (const { name, edit } of cases) it(name, () => expect(issuesOf(edit)).toEqual([]));
});

describe('surveyDefinitionSchema refuses', () => {
	const cases: { name: string; edit: Edit; expected: string }[] = [
		{ name: 'an unknown top-level key', edit: (d) => (d.theme = 'dark'), expected: ': unknown_field' },
		{ name: 'a blank Spanish title', edit: (d) => (d.title = text('  ', 'Survey')), expected: 'title.es: required' },
		{ name: 'a missing English intro', edit: (d) => ((d.intro as any) = { es: 'Hola' }), expected: 'intro.en: required' },
		{ name: 'a title over 120 characters', edit: (d) => (d.title = text('x'.repeat(121))), expected: 'title.es: too_long' },
		{ name: 'no questions', edit: (d) => (d.questions = []), expected: 'questions: too_short' },
		{ name: 'an unknown question type', edit: (d) => (question(d, 'stars').type = 'slider'), expected: 'questions.2.type' },
		{
			name: 'a question id that is not a stable id',
			edit: (d) => (question(d, 'stars').id = 'Stars!'),
			expected: 'questions.2.id: invalid'
		},
		{ name: 'two questions with one id', edit: (d) => (question(d, 'stars').id = 'recommend'), expected: 'questions.2.id: duplicate_id' },
		{ name: 'a non-boolean required', edit: (d) => (question(d, 'stars').required = 'yes'), expected: 'questions.2.required' },
		{ name: 'options on a scale question', edit: (d) => (question(d, 'stars').options = []), expected: 'questions.2: unknown_field' },
		{
			name: 'a choice question with one option',
			edit: (d) => question(d, 'channel').options.pop(),
			expected: 'questions.3.options: too_short'
		},
		{
			name: 'two options with one id',
			edit: (d) => (question(d, 'strengths').options[1].id = 'price'),
			expected: 'questions.4.options: duplicate_id'
		},
		{ name: 'a short-text limit over its cap', edit: (d) => (question(d, 'name').maxLength = 201), expected: 'questions.5.maxLength' },
		{ name: 'a fractional text limit', edit: (d) => (question(d, 'comments').maxLength = 10.5), expected: 'questions.6.maxLength' },
		{
			name: 'a satisfaction question that does not exist',
			edit: (d) => (d.satisfactionQuestionId = 'nope'),
			expected: 'satisfactionQuestionId: invalid'
		},
		{
			name: 'a text question as satisfaction question',
			edit: (d) => (d.satisfactionQuestionId = 'comments'),
			expected: 'satisfactionQuestionId: invalid'
		},
		{
			name: 'an optional satisfaction question',
			edit: (d) => (d.satisfactionQuestionId = 'stars'),
			expected: 'satisfactionQuestionId: invalid'
		},
		{ name: 'a CSAT threshold above 5', edit: (d) => (d.satisfactionThreshold = 6), expected: 'satisfactionThreshold: out_of_range' },
		{ name: 'a CSAT threshold of 0', edit: (d) => (d.satisfactionThreshold = 0), expected: 'satisfactionThreshold: out_of_range' },
		{ name: 'a fractional threshold', edit: (d) => (d.satisfactionThreshold = 3.5), expected: 'satisfactionThreshold' }
	];
	for (const { name, edit, expected } of cases) {
		it(name, () => expect(issuesOf(edit).some((issue) => issue.startsWith(expected))).toBe(true));
	}
});
