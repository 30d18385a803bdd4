// The editor's named actions that change its shape (add, remove, move), for a browser without JavaScript (with it,
// the same edits change superforms' `$form` in the page). They never save: each answers the whole form again.
import { error, type RequestEvent } from '@sveltejs/kit';
import { message } from 'sveltekit-superforms';
import { canEditSurveys } from '../can-edit-surveys.ts';
import { isQuestionType, readSurveyDraft, type SurveyDraft } from './draft.ts';
import { addOption, addQuestion, moveQuestion, removeOption, removeQuestion } from './draft-edits.ts';
import { draftForm } from './editor-form.server.ts';

/** The stored questions (id → type) of a survey with responses: they cannot be removed or retyped. Empty otherwise. */
export type AnsweredQuestions = (event: RequestEvent) => Promise<Map<string, string>>;

type Edit = (draft: SurveyDraft, form: FormData, answered: Map<string, string>) => SurveyDraft | 'refused';

const indexOf = (form: FormData, name = 'index') => Number(form.get(name) ?? -1);

function structureAction(edit: Edit, answeredQuestions: AnsweredQuestions) {
	return async (event: RequestEvent) => {
		if (!canEditSurveys(event.locals.staff!.role)) error(403, 'Forbidden');
		const formData = await event.request.formData();
		const draft = readSurveyDraft(formData);
		const edited = edit(draft, formData, await answeredQuestions(event));
		if (edited === 'refused') return message(await draftForm(draft), 'refused_locked', { status: 400 });
		return { form: await draftForm(edited) };
	};
}

const isAnswered = (draft: SurveyDraft, index: number, answered: Map<string, string>) =>
	answered.has(draft.definition.questions[index]?.id ?? '');

export function structureActions(answeredQuestions: AnsweredQuestions) {
	return {
		addQuestion: structureAction((draft, form) => {
			const type = form.get('newQuestionType');
			return isQuestionType(type) ? addQuestion(draft, type) : draft;
		}, answeredQuestions),
		removeQuestion: structureAction(
			(draft, form, answered) => (isAnswered(draft, indexOf(form), answered) ? 'refused' : removeQuestion(draft, indexOf(form))),
			answeredQuestions
		),
		moveUp: structureAction((draft, form) => moveQuestion(draft, indexOf(form), -1), answeredQuestions),
		moveDown: structureAction((draft, form) => moveQuestion(draft, indexOf(form), 1), answeredQuestions),
		addOption: structureAction((draft, form) => addOption(draft, indexOf(form)), answeredQuestions),
		removeOption: structureAction((draft, form, answered) => {
			const [question, option] = String(form.get('index') ?? '')
				.split(':')
				.map(Number);
			return isAnswered(draft, question, answered) ? 'refused' : removeOption(draft, question, option);
		}, answeredQuestions)
	};
}
