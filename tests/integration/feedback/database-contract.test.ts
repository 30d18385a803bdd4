// What the TypeScript side relies on from the database: the same token hash, the realtime
// publication, and SQL validation rules that agree with the zod schemas.
import { describe, it, expect } from 'vitest';
import { newToken, sha256Hex } from '../../../src/lib/server/tokens.ts';
import { answersSchemaFor, surveyDefinitionSchema } from '../../../src/lib/feedback/survey-definition.ts';
import { fieldErrorsOf } from '../../../src/lib/feedback/field-errors.ts';
import { sql, testDefinition } from './fixtures.ts';

describe('tokens', () => {
	it("hash the same in Node and in SQL's extensions.digest", async () => {
		const tokens = [newToken(), newToken(), 'demo-campaign-2026', 'ñandú-ü-€'];
		const rows = await sql<{ hash: string }>(
			"select encode(extensions.digest(token, 'sha256'), 'hex') as hash from unnest($1::text[]) with ordinality as t(token, n) order by n",
			[tokens]
		);
		expect(rows.map((row) => row.hash)).toEqual(tokens.map(sha256Hex));
	});

	it('made in SQL have the form of the Node ones', async () => {
		const rows = await sql<{ token: string }>('select private.new_token() as token from generate_series(1, 200)');
		for (const { token } of rows) expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(new Set(rows.map((row) => row.token)).size).toBe(200);
	});
});

describe('realtime', () => {
	it('publishes new responses and feedback items', async () => {
		const rows = await sql(
			"select tablename from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'public' and tablename in ('survey_responses', 'feedback_items') order by tablename"
		);
		expect(rows.map((row) => row.tablename)).toEqual(['feedback_items', 'survey_responses']);
	});
});

describe('SQL validation agrees with zod', () => {
	const definitionCases: unknown[] = [
		testDefinition(),
		{ ...testDefinition(), extra: 1 },
		{ ...testDefinition(), satisfactionQuestionId: 'note' },
		{ ...testDefinition(), satisfactionThreshold: 0 },
		{ ...testDefinition(), questions: [] },
		{ ...testDefinition(), title: { es: ' ', en: 'x' } },
		{ ...testDefinition(), questions: [...testDefinition().questions, testDefinition().questions[0]] },
		{ ...testDefinition(), questions: testDefinition().questions.map((q) => (q.id === 'note' ? { ...q, maxLength: 500 } : q)) },
		{ ...testDefinition(), questions: testDefinition().questions.map((q) => (q.id === 'channel' ? { ...q, options: [] } : q)) },
		{ ...testDefinition(), questions: testDefinition().questions.map((q) => (q.id === 'recommend' ? { ...q, type: 'slider' } : q)) }
	];
	it('on which definitions are valid', async () => {
		const rows = await sql<{ problem: string | null }>(
			'select private.survey_definition_problem(d) as problem from unnest($1::jsonb[]) with ordinality as t(d, n) order by n',
			[definitionCases.map((d) => JSON.stringify(d))]
		);
		const sqlValid = rows.map((row) => row.problem === null);
		expect(sqlValid).toEqual(definitionCases.map((d) => surveyDefinitionSchema.safeParse(d).success));
	});

	const answerCases: unknown[] = [
		{ recommend: 9, satisfaction: 5 },
		{ recommend: 9, satisfaction: 5, channel: 'email', note: 'ok' },
		{ recommend: 9, satisfaction: 5, note: '' },
		{ recommend: 10.5, satisfaction: 5 },
		{ satisfaction: 5 },
		{ recommend: 9, satisfaction: 5, channel: 'fax' },
		{ recommend: 9, satisfaction: 5, note: 'x'.repeat(21) },
		{ recommend: 9, satisfaction: 5, unknown: 1 },
		{ recommend: '9', satisfaction: null },
		[1, 2]
	];
	it('on the field errors of answers', async () => {
		const schema = answersSchemaFor(testDefinition());
		const rows = await sql<{ errors: Record<string, string> }>(
			'select private.survey_answer_errors($1, a) as errors from unnest($2::jsonb[]) with ordinality as t(a, n) order by n',
			[JSON.stringify(testDefinition()), answerCases.map((a) => JSON.stringify(a))]
		);
		const zodErrors = answerCases.map((answers) => {
			const result = schema.safeParse(answers);
			return result.success ? {} : fieldErrorsOf(result.error);
		});
		expect(rows.map((row) => row.errors)).toEqual(zodErrors);
	});
});
