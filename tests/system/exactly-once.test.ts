// Exactly-once through the full path while things go wrong: survey submissions at concurrency 50 through the
// production build, a tenth sent twice at once with the same submission token, a twentieth cut off mid-request
// and retried, and every 503 retried with the same token as the page's "try again" does. Meanwhile PostgREST
// is stopped for 3 s and PostgreSQL is restarted. Afterwards the database holds exactly one row per token,
// every success the client saw is stored, every 503 was a page or JSON the client can act on, and the app
// logged no crash and no unhandled rejection.
// SOAK_SUBMISSIONS sets the volume: 600 in `npm test` (about a minute here), 5,000 in `npm run soak`.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import { sha256Hex } from '../../src/lib/server/tokens.ts';
import { crashLines, startSystemApp, type SystemApp } from './app.ts';
import { newSubmission, sendSurvey, type Answer } from './submissions.ts';

const TOTAL = Number(process.env.SOAK_SUBMISSIONS ?? 600);
const CONCURRENCY = 50;
const GIVE_UP_MS = Number(process.env.SOAK_GIVE_UP_MS ?? 180_000);

interface Plan {
	submission: string;
	twice: boolean;
	abort: boolean;
	enhanced: boolean;
}

let app: SystemApp;

beforeAll(async () => {
	app = await startSystemApp('exactly-once');
});

afterAll(async () => {
	await app?.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`${TOTAL} submissions with duplicates, aborts and faults`, () => {
	it(
		'stores exactly one response per submission token, and every 503 can be retried',
		async () => {
			const plans: Plan[] = Array.from({ length: TOTAL }, (_, index) => ({
				submission: newSubmission(),
				twice: index % 10 === 3,
				abort: index % 20 === 7,
				enhanced: index % 3 === 0
			}));
			const stored = new Set<string>();
			const wrong: Answer[] = [];
			const retryable: Answer[] = [];
			let aborted = 0;
			let next = 0;
			let done = 0;
			const deadline = Date.now() + GIVE_UP_MS;

			const submit = async (plan: Plan) => {
				const send = () => sendSurvey(app.appUrl, plan.submission, { enhanced: plan.enhanced });
				if (plan.abort) {
					const first = await sendSurvey(app.appUrl, plan.submission, {
						enhanced: plan.enhanced,
						abortAfterMs: 1 + Math.floor(Math.random() * 30)
					});
					if (first.kind === 'aborted') aborted++;
				}
				let answers = plan.twice ? await Promise.all([send(), send()]) : [await send()];
				while (Date.now() < deadline) {
					for (const answer of answers) {
						if (answer.kind === 'retry') retryable.push(answer);
						if (answer.kind === 'wrong') wrong.push(answer);
					}
					if (answers.some((answer) => answer.kind === 'stored')) {
						stored.add(plan.submission);
						return;
					}
					if (answers.some((answer) => answer.kind === 'wrong')) return;
					await pause(250);
					answers = [await send()];
				}
			};
			const worker = async () => {
				while (next < plans.length) {
					const plan = plans[next++];
					await submit(plan);
					done++;
				}
			};
			const faults = async () => {
				while (done < TOTAL * 0.25) await pause(50);
				await app.stack.supervisor.pause('postgrest');
				await pause(3_000);
				await app.stack.supervisor.resume('postgrest');
				while (done < TOTAL * 0.55) await pause(50);
				await app.stack.supervisor.pause('postgres');
				await app.stack.supervisor.resume('postgres');
			};

			await Promise.all([faults(), ...Array.from({ length: CONCURRENCY }, worker)]);

			expect(wrong.map((answer) => (answer.kind === 'wrong' ? `${answer.status} ${answer.body.slice(0, 200)}` : ''))).toEqual([]);
			expect(stored.size).toBe(TOTAL);
			// The faults were felt, and each refusal said "try again" in a form the client can use.
			expect(retryable.length).toBeGreaterThan(0);
			for (const answer of retryable) {
				if (answer.kind !== 'retry') continue;
				if (answer.body.startsWith('{')) expect(JSON.parse(answer.body)).toMatchObject({ status: 503 });
				else expect(answer.body).toMatch(/inténtelo de nuevo|Inténtelo de nuevo/);
			}
			expect(aborted).toBeGreaterThan(0);

			const db = new pg.Client({ connectionString: app.stack.dbUrl });
			await db.connect();
			try {
				const { rows } = await db.query<{ rows: string; tokens: string }>(
					`select count(*) as rows, count(distinct submission_hash) as tokens
				from public.survey_responses where submission_hash = any($1::bytea[])`,
					[plans.map((plan) => Buffer.from(sha256Hex(plan.submission), 'hex'))]
				);
				expect(Number(rows[0].rows)).toBe(TOTAL);
				expect(Number(rows[0].tokens)).toBe(TOTAL);
			} finally {
				await db.end();
			}
			expect(app.app.exitCode).toBeNull();
			expect(crashLines(app.output)).toEqual([]);
			expect(app.output.join('')).toMatch(/\[supervisor\] PostgREST stopped on purpose/);
		},
		GIVE_UP_MS + 60_000
	);
});
