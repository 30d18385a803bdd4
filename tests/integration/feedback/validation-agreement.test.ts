// One rule in two languages, proved to agree: fast-check generates thousands of survey definitions and answer
// sets, valid and invalid (values at, just inside and just past every limit), and each must get the same verdict
// from zod (src/lib/feedback/survey-definition.ts) and from SQL (private.survey_definition_problem and
// private.survey_answer_errors). Each run is one batched query; a disagreement fails at once (no shrinking: a
// batch of 200 large cases shrinks for minutes) naming the case, with the seed and path that replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../../../src/lib/feedback/field-errors.ts';
import {
	answersSchemaFor,
	QUESTION_TYPES,
	SCALE_RANGES,
	SURVEY_LIMITS,
	TEXT_ANSWER_CAPS,
	surveyDefinitionSchema,
	type SurveyDefinition
} from '../../../src/lib/feedback/survey-definition.ts';
import { sql } from './fixtures.ts';

const RUNS = 12;
const BATCH = 200;
// Thousands of cases on a shared 2-core machine: the time goes to generating them, not to the two queries.
const TIMEOUT_MS = 300_000;

// ---------------------------------------------------------------- text and ids

const chars = fc.constantFrom('a', 'ñ', 'É', ' ', '\t', '\n', '€', '😀', 'z', '-');
/** A string of about `length` characters, often exactly at or one past a limit, sometimes padded with spaces. */
const textNear = (limit: number) =>
	fc.oneof(
		fc.string({ unit: chars, minLength: 1, maxLength: 8 }),
		fc.constantFrom('', ' ', '  \n'),
		fc.constantFrom(limit - 1, limit, limit + 1).map((n) => 'x'.repeat(n)),
		fc.constantFrom(limit, limit + 1).map((n) => ` ${'ñ'.repeat(n)} `),
		fc.constantFrom(Math.floor(limit / 2), limit).map((n) => '😀'.repeat(n))
	);
const validText = (limit: number) =>
	fc.oneof(fc.string({ unit: fc.constantFrom('a', 'ñ', 'É', '€'), minLength: 1, maxLength: 8 }), fc.constant('y'.repeat(limit)));
const localized = (limit: number, valid: boolean) =>
	valid ? fc.record({ es: validText(limit), en: validText(limit) }) : fc.record({ es: textNear(limit), en: textNear(limit) });

const validId = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);

// ---------------------------------------------------------------- definitions valid by construction

const scaleType = fc.constantFrom('nps', 'csat', 'rating') as fc.Arbitrary<keyof typeof SCALE_RANGES>;

function questionArb(id: string, valid: boolean): fc.Arbitrary<Record<string, unknown>> {
	const base = { id: fc.constant(id), label: localized(SURVEY_LIMITS.labelLength, valid), required: fc.boolean() };
	const optionIds = fc.uniqueArray(validId, { minLength: 2, maxLength: SURVEY_LIMITS.options });
	return fc.oneof(
		fc.record({ ...base, type: scaleType }),
		fc.record({
			...base,
			type: fc.constantFrom('single_choice', 'multiple_choice'),
			options: optionIds.chain((ids) =>
				fc.tuple(...ids.map((optionId) => fc.record({ id: fc.constant(optionId), label: localized(40, valid) })))
			)
		}),
		fc
			.constantFrom('short_text' as const, 'long_text' as const)
			.chain((type) =>
				fc.record(
					{ ...base, type: fc.constant(type), maxLength: fc.integer({ min: 1, max: TEXT_ANSWER_CAPS[type] }) },
					{ requiredKeys: ['id', 'label', 'required', 'type'] }
				)
			)
	);
}

const validDefinition: fc.Arbitrary<SurveyDefinition> = fc
	.uniqueArray(validId, { minLength: 1, maxLength: 8 })
	.chain((ids) =>
		fc.record({
			title: localized(SURVEY_LIMITS.titleLength, true),
			intro: localized(SURVEY_LIMITS.paragraphLength, true),
			thanks: localized(SURVEY_LIMITS.paragraphLength, true),
			// The first question is the required satisfaction scale; the rest are anything.
			satisfaction: fc.record({ type: scaleType, label: localized(SURVEY_LIMITS.labelLength, true) }),
			others: fc.tuple(...ids.slice(1).map((id) => questionArb(id, true))),
			threshold: fc.nat(),
			satisfactionId: fc.constant(ids[0])
		})
	)
	.map(({ title, intro, thanks, satisfaction, others, threshold, satisfactionId }) => {
		const { min, max } = SCALE_RANGES[satisfaction.type];
		const questions = [{ id: satisfactionId, label: satisfaction.label, required: true, type: satisfaction.type }, ...others];
		return {
			title,
			intro,
			thanks,
			questions,
			satisfactionQuestionId: satisfactionId,
			satisfactionThreshold: min + (threshold % (max - min + 1))
		} as SurveyDefinition;
	});

// ---------------------------------------------------------------- mutations that may break one rule

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);
const at = <T>(list: T[], n: number) => list[n % list.length];

/** Each takes a valid definition and a random number and returns a definition that may no longer be valid. */
const definitionMutations: ((d: Json, n: number) => unknown)[] = [
	(d, n) => ({ ...d, title: { ...(d.title as Json), es: at(['', ' ', 'x'.repeat(121), ` ${'x'.repeat(120)} `, '😀'.repeat(61), 7], n) } }),
	(d, n) => ({ ...d, intro: { ...(d.intro as Json), en: at(['x'.repeat(1000), 'x'.repeat(1001), '\n', null], n) } }),
	(d, n) => ({ ...d, thanks: at([{ es: 'a' }, { es: 'a', en: 'b', fr: 'c' }, 'gracias', []], n) }),
	(d) => ({ ...d, extra: true }),
	(d, n) => {
		const copy = { ...d };
		delete copy[at(Object.keys(copy), n)];
		return copy;
	},
	(d, n) => ({
		...d,
		questions: at(
			[[], {}, null, Array.from({ length: 31 }, (_, i) => ({ id: `q${i}`, label: { es: 'a', en: 'a' }, required: true, type: 'nps' }))],
			n
		)
	}),
	(d, n) => ({ ...d, satisfactionQuestionId: at(['nope', '', 5, ...questionsOf(d).map((q) => q.id)], n) }),
	(d, n) => ({ ...d, satisfactionThreshold: at([-1, 0, 1, 5, 6, 10, 11, 2.5, '3', null], n) }),
	(d, n) => mutateQuestion(d, n)
];

const questionMutations: ((q: Json, n: number, all: Json[]) => unknown)[] = [
	(q, n) => ({ ...q, id: at(['', '1a', 'A', 'a'.repeat(41), 'a'.repeat(40), 9], n) }),
	(q, _n, all) => ({ ...q, id: all[0].id }),
	(q, n) => ({ ...q, type: at(['slider', ...QUESTION_TYPES, null], n) }),
	(q, n) => ({ ...q, required: at(['yes', 1, null, false], n) }),
	(q, n) => ({
		...q,
		label: at([{ es: 'x'.repeat(301), en: 'a' }, { es: 'x'.repeat(300), en: 'a' }, { es: ' ', en: 'a' }, 'etiqueta'], n)
	}),
	(q) => ({ ...q, extra: 1 }),
	(q, n) => ({ ...q, maxLength: at([0, 1, 200, 201, 4000, 4001, 1.5, '10', -3, null], n) }),
	(q, n) => ({
		...q,
		options: at(
			[
				[],
				[{ id: 'a', label: { es: 'a', en: 'a' } }],
				[
					{ id: 'a', label: { es: 'a', en: 'a' } },
					{ id: 'a', label: { es: 'b', en: 'b' } }
				],
				Array.from({ length: 21 }, (_, i) => ({ id: `o${i}`, label: { es: 'a', en: 'a' } })),
				Array.from({ length: 20 }, (_, i) => ({ id: `o${i}`, label: { es: 'a', en: 'a' } })),
				[
					{ id: 'B', label: { es: 'a', en: 'a' } },
					{ id: 'c', label: { es: 'a', en: 'a' } }
				],
				[
					{ id: 'b', label: { es: 'a', en: 'a' }, x: 1 },
					{ id: 'c', label: { es: 'a', en: 'a' } }
				],
				'ab'
			],
			n
		)
	})
];

const questionsOf = (d: Json): Json[] =>
	Array.isArray(d.questions) ? (d.questions as Json[]).filter((q) => q && typeof q === 'object') : [];

function mutateQuestion(d: Json, n: number): unknown {
	const questions = clone(questionsOf(d));
	if (questions.length === 0) return d;
	const index = n % questions.length;
	questions[index] = at(questionMutations, n >> 3)(questions[index], n >> 6, questions) as Json;
	return { ...d, questions };
}

const anyDefinition: fc.Arbitrary<unknown> = fc.oneof(
	{ arbitrary: validDefinition, weight: 20 },
	{
		arbitrary: fc
			.tuple(validDefinition, fc.array(fc.tuple(fc.nat(definitionMutations.length - 1), fc.nat()), { minLength: 1, maxLength: 3 }))
			.map(([d, steps]) => steps.reduce<unknown>((current, [which, n]) => definitionMutations[which](clone(current) as Json, n), d)),
		weight: 60
	},
	{ arbitrary: fc.constantFrom(null, 1, 'encuesta', [], {}), weight: 1 }
);

// ---------------------------------------------------------------- answers to a valid definition

function answerFor(question: Json): fc.Arbitrary<unknown> {
	const type = question.type as string;
	const options = ((question.options as Json[] | undefined) ?? []).map((option) => option.id as string);
	const invalid = fc.constantFrom(null, true, {}, '9', 2.5, -1, 11, [], ['zz'], 'zz', '');
	if (type in SCALE_RANGES) {
		const { min, max } = SCALE_RANGES[type as keyof typeof SCALE_RANGES];
		return fc.oneof(fc.integer({ min: min - 1, max: max + 1 }), invalid);
	}
	if (type === 'single_choice') return fc.oneof(fc.constantFrom(...options), invalid);
	if (type === 'multiple_choice') return fc.oneof(fc.subarray(options), fc.constant([options[0], options[0]]), invalid);
	const limit = (question.maxLength as number | undefined) ?? TEXT_ANSWER_CAPS[type as keyof typeof TEXT_ANSWER_CAPS];
	return fc.oneof(textNear(limit), fc.constantFrom('x'.repeat(limit), 'x'.repeat(limit + 1), '😀'.repeat(limit)), invalid);
}

const definitionAndAnswers = validDefinition.chain((definition) => {
	const perQuestion = definition.questions.map((question) => fc.option(answerFor(question as unknown as Json), { nil: undefined }));
	const answers = fc.tuple(...perQuestion).map((values) => {
		const object: Json = {};
		definition.questions.forEach((question, i) => {
			if (values[i] !== undefined) object[question.id] = values[i];
		});
		return object;
	});
	const withOddities = fc.oneof(
		{ arbitrary: answers, weight: 50 },
		{ arbitrary: answers.map((object) => ({ ...object, unknown_question: 1 })), weight: 5 },
		{ arbitrary: fc.constantFrom(null, [], 'respuestas', 5), weight: 1 }
	);
	return fc.tuple(fc.constant(definition), withOddities);
});

// ---------------------------------------------------------------- the properties

describe('zod and SQL give the same verdict', () => {
	it(
		`on ${RUNS * BATCH} generated survey definitions`,
		async () => {
			let invalidSeen = 0;
			await fc.assert(
				fc.asyncProperty(fc.array(anyDefinition, { minLength: BATCH, maxLength: BATCH }), async (definitions) => {
					const rows = await sql<{ problem: string | null }>(
						'select private.survey_definition_problem(d) as problem from unnest($1::jsonb[]) with ordinality as t(d, n) order by n',
						[definitions.map((d) => JSON.stringify(d))]
					);
					const zodVerdicts = definitions.map((d) => (surveyDefinitionSchema.safeParse(d).success ? 'valid' : 'invalid'));
					invalidSeen += zodVerdicts.filter((verdict) => verdict === 'invalid').length;
					const sqlVerdicts = rows.map((row) => (row.problem === null ? 'valid' : `invalid`));
					const disagreement = definitions.findIndex((_, i) => zodVerdicts[i] !== sqlVerdicts[i]);
					if (disagreement >= 0) {
						throw new Error(
							`zod says ${zodVerdicts[disagreement]}, SQL says ${rows[disagreement].problem ?? 'valid'} for ${JSON.stringify(definitions[disagreement])}`
						);
					}
				}),
				{ numRuns: RUNS, endOnFailure: true }
			);
			// The generator must exercise both sides of each rule, not just one.
			expect(invalidSeen).toBeGreaterThan(RUNS * BATCH * 0.3);
		},
		TIMEOUT_MS
	);

	it(
		`on the field errors of ${RUNS * BATCH} generated answer sets`,
		async () => {
			let rejected = 0;
			await fc.assert(
				fc.asyncProperty(fc.array(definitionAndAnswers, { minLength: BATCH, maxLength: BATCH }), async (cases) => {
					const rows = await sql<{ errors: Record<string, string> }>(
						'select private.survey_answer_errors(d, a) as errors from unnest($1::jsonb[], $2::jsonb[]) with ordinality as t(d, a, n) order by n',
						[cases.map(([d]) => JSON.stringify(d)), cases.map(([, a]) => JSON.stringify(a))]
					);
					const zodErrors = cases.map(([definition, answers]) => {
						const result = answersSchemaFor(definition).safeParse(answers);
						return result.success ? {} : fieldErrorsOf(result.error);
					});
					rejected += zodErrors.filter((errors) => Object.keys(errors).length > 0).length;
					const disagreement = cases.findIndex(
						(_, i) => JSON.stringify(sortKeys(zodErrors[i])) !== JSON.stringify(sortKeys(rows[i].errors))
					);
					if (disagreement >= 0) {
						const [definition, answers] = cases[disagreement];
						throw new Error(
							`zod ${JSON.stringify(zodErrors[disagreement])} vs SQL ${JSON.stringify(rows[disagreement].errors)} for answers ` +
								`${JSON.stringify(answers)} to questions ${JSON.stringify(definition.questions)}`
						);
					}
				}),
				{ numRuns: RUNS, endOnFailure: true }
			);
			expect(rejected).toBeGreaterThan(RUNS * BATCH * 0.3);
		},
		TIMEOUT_MS
	);
});

const sortKeys = (object: Record<string, string>) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
