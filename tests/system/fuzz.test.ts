// Property-based bad input (fast-check) against the production build and PostgREST: at least 10,000 generated
// requests to every public route, form action and public RPC, each with a certain defect (wrong types,
// missing and extra fields, oversize, invalid UTF-8 and control characters, HTML and script, SQL fragments,
// huge/negative/NaN numbers, malformed tokens, wrong content types, a foreign origin). Every one gets a 4xx
// with a message (the RPCs, whose contract is an outcome, a 200 that is not "ok" or a 4xx), never a 5xx.
// Afterwards nothing was stored: the seed's rows are unchanged, and every row still fits its survey.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { startSystemApp, crashLines, type SystemApp } from './app.ts';
import { appRequests, rpcRequests, type BadRequest } from './bad-input.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const CONCURRENCY = 8;
// A fixed seed keeps npm test repeatable; FUZZ_SEED=<n> explores other requests (a failure prints its seed).
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);

let app: SystemApp;

beforeAll(async () => {
	app = await startSystemApp('fuzz');
});

afterAll(async () => {
	await app?.stop();
});

const TABLES = [
	'surveys',
	'survey_invitations',
	'survey_responses',
	'feedback_items',
	'feedback_messages',
	'clients',
	'contracts',
	'requirements',
	'staff_members'
];

/** Row count and a digest of every row of each public table. */
async function snapshot(): Promise<Record<string, string>> {
	const state: Record<string, string> = {};
	for (const table of TABLES) {
		const { rows } = await app.db.query(
			`select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as state from public.${table} as t`
		);
		state[table] = rows[0].state;
	}
	return state;
}

interface Outcome {
	request: BadRequest;
	status: number;
	body: string;
	location?: string;
}

/** One request on a connection of its own: a server closing after a 413 must not reset the next request. */
function send(request: BadRequest): Promise<Outcome> {
	const url = new URL((request.rpc ? app.stack.apiUrl : app.appUrl) + request.path);
	return new Promise((resolve) => {
		let answered = false;
		const req = httpRequest(
			{ host: url.hostname, port: url.port, method: request.method, path: request.path, headers: request.headers, agent: false },
			(response) => {
				answered = true;
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				const done = () =>
					resolve({
						request,
						status: response.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8'),
						location: response.headers.location
					});
				response.on('end', done);
				response.on('error', done);
			}
		);
		// No answer at all (a reset connection) is a failure, reported with the request.
		req.on('error', (error) => !answered && resolve({ request, status: 0, body: String(error) }));
		req.end(request.body);
	});
}

/** What makes an answer acceptable for bad input. */
function refusedClearly(outcome: Outcome): boolean {
	const { status, body, request } = outcome;
	if (request.rpc && status === 200) {
		const answer = JSON.parse(body) as { outcome?: string } | null;
		return answer !== null && typeof answer.outcome === 'string' && answer.outcome !== 'ok';
	}
	// SvelteKit answers a form action asked for JSON (fetch's default Accept) in its enhance protocol: HTTP 200
	// with the real status inside, as use:enhance reads it.
	if (!request.rpc && status === 200 && body.startsWith('{')) {
		const answer = JSON.parse(body) as { type?: string; status?: number };
		return (
			(answer.type === 'failure' || answer.type === 'error') && answer.status !== undefined && answer.status >= 400 && answer.status < 500
		);
	}
	// A path with a trailing slash is sent to the same path without it, which then answers 404.
	if (status === 308) return outcome.location?.split('?')[0] === request.path.split('?')[0].replace(/\/+$/, '');
	// Node's HTTP parser refuses headers (here, the URL) over 16 KB before the app sees them: the status says it.
	if (status === 431) return true;
	// A message in words: a page, a JSON error or form, or PostgREST's error object; never a stack trace.
	return status >= 400 && status < 500 && body.trim().length > 0 && !/\n\s+at .+:\d+:\d+/.test(body);
}

describe('bad input', () => {
	it(`refuses ${RUNS} generated bad requests with a 4xx and stores nothing`, async () => {
		const before = await snapshot();
		const requests = fc.sample(
			fc.oneof({ arbitrary: appRequests(app.appUrl), weight: 3 }, { arbitrary: rpcRequests(app.stack.anonKey), weight: 2 }),
			{
				numRuns: RUNS,
				seed: SEED
			}
		);
		const failures: Outcome[] = [];
		const targets = new Map<string, number>();
		let next = 0;
		const worker = async () => {
			while (next < requests.length) {
				const request = requests[next++];
				targets.set(request.target, (targets.get(request.target) ?? 0) + 1);
				const outcome = await send(request);
				if (!refusedClearly(outcome)) failures.push(outcome);
			}
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, worker));

		const report = failures.slice(0, 10).map(({ request, status, body }) => ({
			seed: SEED,
			target: request.target,
			path: request.path.slice(0, 120),
			headers: request.headers,
			body: typeof request.body === 'string' ? request.body.slice(0, 2000) : request.body,
			status,
			answer: body.slice(0, 200)
		}));
		// No server died on the way (the supervisor would have said so).
		expect(
			app.output.filter((line) => line.includes('[supervisor]') || /postgrest.*(error|fatal)/i.test(line)).map((l) => l.slice(0, 300))
		).toEqual([]);
		expect(report).toEqual([]);
		expect(requests.length).toBeGreaterThanOrEqual(10_000 > RUNS ? RUNS : 10_000);
		// Every public route, action and RPC was tried.
		expect([...targets.keys()].sort()).toEqual([
			'GET /f/<token>',
			'GET /t/<token>',
			'GET malformed path',
			'POST /f/<token>?/complaint',
			'POST /f/<token>?/suggestion',
			'POST /f/<token>?/survey',
			'POST /f/<unknown>?/survey',
			'POST /lang',
			'POST /t/<token>?/satisfaction',
			'rpc get_feedback_page',
			'rpc get_tracking',
			'rpc submit_feedback_item',
			'rpc submit_resolution_feedback',
			'rpc submit_survey_response'
		]);

		expect(await snapshot()).toEqual(before);
		const { rows } = await app.db.query(
			`select count(*) as bad from public.survey_responses as response join public.surveys as survey on survey.id = response.survey_id
			where private.survey_answer_errors(survey.definition, response.answers) <> '{}'::jsonb`
		);
		expect(Number(rows[0].bad)).toBe(0);
		expect(crashLines(app.output)).toEqual([]);
	}, 600_000);
});
