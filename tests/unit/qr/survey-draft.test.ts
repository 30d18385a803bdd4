// The survey editor's no-JavaScript path: flat form fields in, one draft out, structural edits as pure functions.
import { describe, expect, it } from 'vitest';
import { surveyDefinitionSchema } from '../../../src/lib/feedback/survey-definition.ts';
import { blankDraft, draftForSave, nextId, readSurveyDraft } from '../../../src/routes/staff/(portal)/surveys/editor/draft.ts';
import {
	addOption,
	addQuestion,
	moveQuestion,
	removeOption,
	removeQuestion
} from '../../../src/routes/staff/(portal)/surveys/editor/draft-edits.ts';
import { breaksAnsweredQuestions } from '../../../src/routes/staff/(portal)/surveys/editor/locked-questions.ts';

function formOf(fields: Record<string, string>): FormData {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	return form;
}

const POSTED = {
	triggerPoint: 'campaign',
	status: 'active',
	'definition.title.es': 'Encuesta',
	'definition.title.en': 'Survey',
	'definition.intro.es': 'Hola',
	'definition.intro.en': 'Hello',
	'definition.thanks.es': 'Gracias',
	'definition.thanks.en': 'Thanks',
	'definition.questions.0.id': 'q1',
	'definition.questions.0.type': 'nps',
	'definition.questions.0.label.es': '¿Nos recomendaría?',
	'definition.questions.0.label.en': 'Would you recommend us?',
	'definition.questions.0.required': 'on',
	// Gaps and order in the names do not matter: indices do.
	'definition.questions.2.id': 'q3',
	'definition.questions.2.type': 'short_text',
	'definition.questions.2.label.es': 'Comentario',
	'definition.questions.2.label.en': 'Comment',
	'definition.questions.2.maxLength': '150',
	'definition.questions.1.id': 'q2',
	'definition.questions.1.type': 'single_choice',
	'definition.questions.1.label.es': 'Canal',
	'definition.questions.1.label.en': 'Channel',
	'definition.questions.1.options.0.id': 'o1',
	'definition.questions.1.options.0.label.es': 'Teléfono',
	'definition.questions.1.options.0.label.en': 'Phone',
	'definition.questions.1.options.1.id': 'o2',
	'definition.questions.1.options.1.label.es': 'Correo',
	'definition.questions.1.options.1.label.en': 'E-mail',
	'definition.satisfactionQuestionId': 'q1',
	'definition.satisfactionThreshold': '9'
};

describe('readSurveyDraft', () => {
	it('rebuilds a definition the shared schema accepts', () => {
		const draft = readSurveyDraft(formOf(POSTED));
		expect(draft.definition.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
		expect(draft.definition.questions[2]).toEqual({
			id: 'q3',
			type: 'short_text',
			label: { es: 'Comentario', en: 'Comment' },
			required: false,
			maxLength: 150
		});
		expect(surveyDefinitionSchema.safeParse(draft.definition).success).toBe(true);
	});

	it('gives a new choice question two blank options and drops fields another type does not allow', () => {
		const draft = readSurveyDraft(
			formOf({ ...POSTED, 'definition.questions.0.type': 'multiple_choice', 'definition.questions.2.type': 'csat' })
		);
		expect(draft.definition.questions[0].options).toHaveLength(2);
		expect(draft.definition.questions[2]).not.toHaveProperty('maxLength');
	});

	it('leaves a blank threshold undefined for the schema to report', () => {
		expect(readSurveyDraft(formOf({ ...POSTED, 'definition.satisfactionThreshold': '' })).definition.satisfactionThreshold).toBeUndefined();
	});
});

describe('structural edits', () => {
	const draft = readSurveyDraft(formOf(POSTED));
	const ids = (d: typeof draft) => d.definition.questions.map((q) => q.id);
	const cases = [
		{ name: 'add a question with a fresh id', input: addQuestion(draft, 'rating'), expected: ['q1', 'q2', 'q3', 'q4'] },
		{ name: 'remove a question', input: removeQuestion(draft, 1), expected: ['q1', 'q3'] },
		{ name: 'move a question up', input: moveQuestion(draft, 2, -1), expected: ['q1', 'q3', 'q2'] },
		{ name: 'move down from the end changes nothing', input: moveQuestion(draft, 2, 1), expected: ['q1', 'q2', 'q3'] },
		{ name: 'move up from the top changes nothing', input: moveQuestion(draft, 0, -1), expected: ['q1', 'q2', 'q3'] }
	];
	for (const { name, input, expected } of cases) it(name, () => expect(ids(input)).toEqual(expected));

	it('adds and removes options of a choice question', () => {
		const more = addOption(draft, 1);
		expect(more.definition.questions[1].options?.map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
		expect(removeOption(more, 1, 0).definition.questions[1].options?.map((o) => o.id)).toEqual(['o2', 'o3']);
	});

	it('numbers ids past the ones taken', () => {
		expect(nextId('q', ['q1', 'q3'])).toBe('q4');
		expect(nextId('o', [])).toBe('o1');
	});

	it('starts a new survey with a valid satisfaction question', () => {
		const blank = blankDraft();
		expect(blank.definition.satisfactionQuestionId).toBe(blank.definition.questions[0].id);
	});
});

describe('answered questions', () => {
	const draft = readSurveyDraft(formOf(POSTED));
	const answered = new Map([
		['q1', 'nps'],
		['q2', 'single_choice']
	]);
	it('allows keeping and adding questions', () => expect(breaksAnsweredQuestions(addQuestion(draft, 'csat'), answered)).toBe(false));
	it('refuses removing one', () => expect(breaksAnsweredQuestions(removeQuestion(draft, 1), answered)).toBe(true));
	it('refuses retyping one', () => {
		const retyped = readSurveyDraft(formOf({ ...POSTED, 'definition.questions.0.type': 'csat' }));
		expect(breaksAnsweredQuestions(retyped, answered)).toBe(true);
	});
});

describe('draftForSave (the JSON path)', () => {
	it('keeps only the fields of each type and drops emptied numbers, so the strict schema accepts it', () => {
		const draft = blankDraft();
		draft.definition.title = { es: 'Encuesta', en: 'Survey' };
		draft.definition.intro = { es: 'Hola', en: 'Hello' };
		draft.definition.thanks = { es: 'Gracias', en: 'Thanks' };
		draft.definition.questions = [
			{ id: 'q1', type: 'csat', label: { es: 'A', en: 'A' }, required: true, options: [] },
			// A number field emptied in the browser binds as null.
			{ id: 'q2', type: 'short_text', label: { es: 'B', en: 'B' }, required: false, maxLength: null as unknown as number }
		];
		const saved = draftForSave(draft);
		expect(saved.definition.questions[0]).toEqual({ id: 'q1', type: 'csat', label: { es: 'A', en: 'A' }, required: true });
		expect('maxLength' in saved.definition.questions[1]).toBe(false);
		expect(surveyDefinitionSchema.safeParse(saved.definition).error?.issues).toBeUndefined();
	});
});
