// The editor's structural edits, each answering a new draft; the actions of the same names call them.
import type { QuestionType } from '$lib/feedback/survey-definition';
import { nextId, shapeQuestion, type SurveyDraft, type DraftQuestion } from './draft.ts';

function withQuestions(draft: SurveyDraft, questions: DraftQuestion[]): SurveyDraft {
	return { ...draft, definition: { ...draft.definition, questions } };
}

export function addQuestion(draft: SurveyDraft, type: QuestionType): SurveyDraft {
	const questions = draft.definition.questions;
	const id = nextId(
		'q',
		questions.map((q) => q.id)
	);
	const question = shapeQuestion({ id, type, label: { es: '', en: '' }, required: false });
	return withQuestions(draft, [...questions, question]);
}

export function removeQuestion(draft: SurveyDraft, index: number): SurveyDraft {
	return withQuestions(draft, draft.definition.questions.toSpliced(index, 1));
}

/** Moves a question one place up (-1) or down (+1); at either end nothing moves. */
export function moveQuestion(draft: SurveyDraft, index: number, step: -1 | 1): SurveyDraft {
	const questions = [...draft.definition.questions];
	const target = index + step;
	if (index < 0 || target < 0 || target >= questions.length) return draft;
	[questions[index], questions[target]] = [questions[target], questions[index]];
	return withQuestions(draft, questions);
}

export function addOption(draft: SurveyDraft, questionIndex: number): SurveyDraft {
	return withQuestions(
		draft,
		draft.definition.questions.map((question, i) => {
			if (i !== questionIndex || !question.options) return question;
			const id = nextId(
				'o',
				question.options.map((o) => o.id)
			);
			return { ...question, options: [...question.options, { id, label: { es: '', en: '' } }] };
		})
	);
}

export function removeOption(draft: SurveyDraft, questionIndex: number, optionIndex: number): SurveyDraft {
	return withQuestions(
		draft,
		draft.definition.questions.map((question, i) =>
			i === questionIndex && question.options ? { ...question, options: question.options.toSpliced(optionIndex, 1) } : question
		)
	);
}
