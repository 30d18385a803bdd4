// The editor's draft: with JavaScript it is superforms' `$form` (posted as JSON on save, edited in place by add, move,
// remove); without it, read from the posted flat fields and changed by the named actions. Validated only on save.
import { QUESTION_TYPES, type QuestionType, type LocalizedText } from '$lib/feedback/survey-definition';
import { listOf, nestFormData, textOf, type Tree } from './form-paths.ts';

export type DraftOption = {
	id: string;
	label: LocalizedText;
};
export type DraftQuestion = {
	id: string;
	type: QuestionType;
	label: LocalizedText;
	required: boolean;
	options?: DraftOption[];
	maxLength?: number;
};
export type SurveyDraft = {
	triggerPoint: string;
	status: string;
	definition: {
		title: LocalizedText;
		intro: LocalizedText;
		thanks: LocalizedText;
		questions: DraftQuestion[];
		satisfactionQuestionId: string;
		satisfactionThreshold: number | undefined;
	};
};

export const isChoice = (type: string) => type === 'single_choice' || type === 'multiple_choice';
export const isText = (type: string) => type === 'short_text' || type === 'long_text';

const localized = (node: Tree | string | undefined): LocalizedText =>
	typeof node === 'object' ? { es: textOf(node.es), en: textOf(node.en) } : { es: '', en: '' };

const integerOrUndefined = (value: string) => (/^-?\d+$/.test(value.trim()) ? Number(value) : undefined);

/** The next free id such as q4 or o3: ids are stable keys of stored answers, never reused within a list. */
export function nextId(prefix: string, taken: string[]): string {
	let n = taken.length + 1;
	while (taken.includes(`${prefix}${n}`)) n++;
	return `${prefix}${n}`;
}

/** Only the fields the question's type allows (the schema is strict), with two blank options for a new choice list. */
export function shapeQuestion(question: DraftQuestion): DraftQuestion {
	const { id, type, label, required } = question;
	if (isChoice(type)) {
		const options = [...(question.options ?? [])];
		while (options.length < 2)
			options.push({
				id: nextId(
					'o',
					options.map((o) => o.id)
				),
				label: { es: '', en: '' }
			});
		return { id, type, label, required, options };
	}
	if (isText(type) && question.maxLength !== undefined) return { id, type, label, required, maxLength: question.maxLength };
	return { id, type, label, required };
}

function readQuestion(node: Tree): DraftQuestion {
	const type = textOf(node.type) as QuestionType;
	return {
		id: textOf(node.id),
		type,
		label: localized(node.label),
		required: textOf(node.required) === 'on',
		options: isChoice(type) ? listOf(node.options).map((o) => ({ id: textOf(o.id), label: localized(o.label) })) : undefined,
		maxLength: isText(type) ? integerOrUndefined(textOf(node.maxLength)) : undefined
	};
}

export function readSurveyDraft(formData: FormData): SurveyDraft {
	const root = nestFormData(formData);
	const definition = typeof root.definition === 'object' ? root.definition : {};
	return {
		triggerPoint: textOf(root.triggerPoint),
		status: textOf(root.status),
		definition: {
			title: localized(definition.title),
			intro: localized(definition.intro),
			thanks: localized(definition.thanks),
			questions: listOf(definition.questions).map((node) => shapeQuestion(readQuestion(node))),
			satisfactionQuestionId: textOf(definition.satisfactionQuestionId),
			satisfactionThreshold: integerOrUndefined(textOf(definition.satisfactionThreshold))
		}
	};
}

export function blankDraft(): SurveyDraft {
	const empty = () => ({ es: '', en: '' });
	return {
		triggerPoint: 'campaign',
		status: 'draft',
		definition: {
			title: empty(),
			intro: empty(),
			thanks: empty(),
			questions: [{ id: 'q1', type: 'csat', label: empty(), required: true }],
			satisfactionQuestionId: 'q1',
			satisfactionThreshold: 4
		}
	};
}

export const isQuestionType = (value: unknown): value is QuestionType =>
	typeof value === 'string' && (QUESTION_TYPES as readonly string[]).includes(value);

/** A draft as the schema takes it: each question holds only its type's fields, and an emptied number is absent. */
export function draftForSave(draft: SurveyDraft): SurveyDraft {
	const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
	const questions = draft.definition.questions.map((question) => shapeQuestion({ ...question, maxLength: number(question.maxLength) }));
	return {
		...draft,
		definition: { ...draft.definition, questions, satisfactionThreshold: number(draft.definition.satisfactionThreshold) }
	};
}
