// The one survey-definition schema: the editor, the server, the tests and (mirrored rule for rule)
// the SQL functions private.survey_definition_problem and private.survey_answer_errors use it.
// Change a rule here and in supabase/migrations/20261128000200_client_feedback.sql together.
import { z } from 'zod';
import { hasNoNul, objectIssue, requiredOr } from './field-errors.ts';

export const QUESTION_TYPES = ['nps', 'csat', 'rating', 'single_choice', 'multiple_choice', 'short_text', 'long_text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Inclusive scales of the questions that can measure satisfaction. */
export const SCALE_RANGES = {
	nps: { min: 0, max: 10 },
	csat: { min: 1, max: 5 },
	rating: { min: 1, max: 5 }
} as const;
export type ScaleType = keyof typeof SCALE_RANGES;
export const SCALE_TYPES = Object.keys(SCALE_RANGES) as ScaleType[];

/** Caps on the answer to a text question; a question may set a lower `maxLength`. */
export const TEXT_ANSWER_CAPS = { short_text: 200, long_text: 4000 } as const;

export const SURVEY_LIMITS = {
	questions: 30,
	options: 20,
	titleLength: 120,
	labelLength: 300,
	/** intro and thank-you text */
	paragraphLength: 1000
} as const;

/** Stable ids survive text edits: answers are stored by question id and option id. */
export const QUESTION_ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

const stableId = z.string({ error: requiredOr('invalid') }).regex(QUESTION_ID_PATTERN, 'invalid');

/** Strict objects report unknown keys as 'unknown_field'. */
const strict = { error: objectIssue };

function localizedText(maxLength: number) {
	const text = z.string({ error: requiredOr('invalid') }).trim().min(1, 'required').max(maxLength, 'too_long');
	return z.strictObject({ es: text, en: text }, strict);
}
export type LocalizedText = { es: string; en: string };

const questionBase = {
	id: stableId,
	label: localizedText(SURVEY_LIMITS.labelLength),
	required: z.boolean({ error: requiredOr('invalid') })
};

const scaleQuestion = z.strictObject({ ...questionBase, type: z.enum(['nps', 'csat', 'rating']) }, strict);

const choiceOption = z.strictObject({ id: stableId, label: localizedText(SURVEY_LIMITS.labelLength) }, strict);

const choiceQuestion = z
	.strictObject(
		{
			...questionBase,
			type: z.enum(['single_choice', 'multiple_choice']),
			options: z
				.array(choiceOption, { error: requiredOr('invalid') })
				.min(2, 'too_short')
				.max(SURVEY_LIMITS.options, 'too_long')
		},
		strict
	)
	.refine((question) => new Set(question.options.map((option) => option.id)).size === question.options.length, {
		message: 'duplicate_id',
		path: ['options']
	});

function textLimit(cap: number) {
	return z.int('invalid').min(1, 'invalid').max(cap, 'invalid').optional();
}

const shortTextQuestion = z.strictObject(
	{ ...questionBase, type: z.literal('short_text'), maxLength: textLimit(TEXT_ANSWER_CAPS.short_text) },
	strict
);

const longTextQuestion = z.strictObject(
	{ ...questionBase, type: z.literal('long_text'), maxLength: textLimit(TEXT_ANSWER_CAPS.long_text) },
	strict
);

export const questionSchema = z.discriminatedUnion(
	'type',
	[scaleQuestion, choiceQuestion, shortTextQuestion, longTextQuestion],
	{ error: requiredOr('invalid') }
);
export type Question = z.infer<typeof questionSchema>;
export type ScaleQuestion = z.infer<typeof scaleQuestion>;
export type ChoiceQuestion = z.infer<typeof choiceQuestion>;
export type TextQuestion = z.infer<typeof shortTextQuestion> | z.infer<typeof longTextQuestion>;

export function isScaleQuestion(question: Question): question is ScaleQuestion {
	return question.type in SCALE_RANGES;
}

/** The longest answer a text question accepts. */
export function textAnswerLimit(question: TextQuestion): number {
	return question.maxLength ?? TEXT_ANSWER_CAPS[question.type];
}

export const surveyDefinitionSchema = z
	.strictObject(
		{
			title: localizedText(SURVEY_LIMITS.titleLength),
			intro: localizedText(SURVEY_LIMITS.paragraphLength),
			thanks: localizedText(SURVEY_LIMITS.paragraphLength),
			questions: z
				.array(questionSchema, { error: requiredOr('invalid') })
				.min(1, 'too_short')
				.max(SURVEY_LIMITS.questions, 'too_long'),
			satisfactionQuestionId: stableId,
			satisfactionThreshold: z.int({ error: requiredOr('invalid') })
		},
		strict
	)
	.superRefine((definition, ctx) => {
		const ids = definition.questions.map((question) => question.id);
		ids.forEach((id, index) => {
			if (ids.indexOf(id) !== index) ctx.addIssue({ code: 'custom', message: 'duplicate_id', path: ['questions', index, 'id'] });
		});
		const satisfaction = definition.questions.find((question) => question.id === definition.satisfactionQuestionId);
		// The indicator SC needs a satisfaction answer from every respondent, so that question is required.
		if (!satisfaction || !isScaleQuestion(satisfaction) || !satisfaction.required) {
			ctx.addIssue({ code: 'custom', message: 'invalid', path: ['satisfactionQuestionId'] });
			return;
		}
		const { min, max } = SCALE_RANGES[satisfaction.type];
		if (definition.satisfactionThreshold < min || definition.satisfactionThreshold > max) {
			ctx.addIssue({ code: 'custom', message: 'out_of_range', path: ['satisfactionThreshold'] });
		}
	});

export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

export type AnswerValue = number | string | string[];
/** What a respondent sends: question id → answer. An unanswered optional question is left out (or blank). */
export type Answers = Record<string, AnswerValue>;

/**
 * A blank text or an empty choice list counts as no answer: 'required' for a required question,
 * accepted for an optional one (a form sends empty fields; the database drops such answers).
 */
function answerSchemaFor(question: Question): z.ZodType<AnswerValue> {
	switch (question.type) {
		case 'nps':
		case 'csat':
		case 'rating': {
			const { min, max } = SCALE_RANGES[question.type];
			return z.int({ error: requiredOr('invalid') }).min(min, 'invalid').max(max, 'invalid');
		}
		case 'single_choice':
			return z.enum(question.options.map((option) => option.id) as [string, ...string[]], { error: requiredOr('invalid') });
		case 'multiple_choice': {
			const optionIds = question.options.map((option) => option.id) as [string, ...string[]];
			return z
				.array(z.enum(optionIds, 'invalid'), { error: requiredOr('invalid') })
				.refine((chosen) => !question.required || chosen.length > 0, 'required')
				.refine((chosen) => new Set(chosen).size === chosen.length, 'invalid');
		}
		case 'short_text':
		case 'long_text':
			// Length in UTF-16 units (as the browser's maxlength counts), never fewer than SQL's code points.
			return z
				.string({ error: requiredOr('invalid') })
				.max(textAnswerLimit(question), 'too_long')
				.refine(hasNoNul, 'invalid')
				.refine((text) => !question.required || text.trim().length > 0, 'required');
	}
}

/** Validates an answers object against one definition: types, ranges, option ids, required, no unknown ids, lengths. */
export function answersSchemaFor(definition: SurveyDefinition) {
	const shape: Record<string, z.ZodType<AnswerValue | undefined>> = {};
	for (const question of definition.questions) {
		const answer = answerSchemaFor(question);
		shape[question.id] = question.required ? answer : answer.optional();
	}
	// Unknown question ids are refused by the strict object.
	return z.strictObject(shape, { error: objectIssue });
}

/** Whether a valid answer says something (blank optional answers are dropped before storing). */
export function isAnswered(value: AnswerValue | undefined): value is AnswerValue {
	if (value === undefined) return false;
	if (typeof value === 'string') return value.trim().length > 0;
	if (Array.isArray(value)) return value.length > 0;
	return true;
}

export interface Satisfaction {
	score: number | null;
	isSatisfied: boolean | null;
}

/** The satisfaction score of valid answers, and whether it meets the survey's threshold (null when unanswered). */
export function satisfactionOf(definition: SurveyDefinition, answers: Answers): Satisfaction {
	const score = answers[definition.satisfactionQuestionId];
	if (typeof score !== 'number') return { score: null, isSatisfied: null };
	return { score, isSatisfied: score >= definition.satisfactionThreshold };
}
