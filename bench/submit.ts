// submit.*: the survey submission under 64 connections, each comparison side by side in one run on one stack:
// the RPC straight on PostgREST (one campaign poster; many personal links), a plain PostgREST insert into a
// one-column table, and the phone's path through the production build (a form POST answered with the page).
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { newToken, sha256Hex } from '../src/lib/server/tokens.ts';
import type { AppUnderTest } from './app-server.ts';
import type { Figure } from './figure.ts';
import { load, runSeconds, type LoadRun } from './load.ts';
import { useBenchRateLimits } from './rate-limits.ts';
import { createInsertTable, dropInsertTable, INSERT_TABLE } from './insert-table.ts';

const CAMPAIGN_TOKEN = 'demo-campaign-2026';
const DEMO_SURVEY = 'f0000000-0000-4000-8000-000000000001';
// Personal links take one survey response each: enough for a 20 s run at several hundred a second. They go
// to many clients, as a mailing of personal links does, so no two concurrent answers share a client's rows.
const PERSONAL_LINKS = 15_000;
const PERSONAL_CLIENTS = 1_000;
const answers = { recommend: 9, satisfaction: 5 };

async function createPersonalLinks(db: pg.Client): Promise<string[]> {
	const { rows } = await db.query<{ id: string }>(
		`insert into public.clients (name) select 'Cliente de prueba de carga ' || n from generate_series(1, $1) as n returning id`,
		[PERSONAL_CLIENTS]
	);
	const tokens = Array.from({ length: PERSONAL_LINKS }, () => newToken());
	await db.query(
		`insert into public.survey_invitations (kind, survey_id, token_hash, client_id, max_uses)
		select 'personal', $1, decode(hash, 'hex'), ($3::uuid[])[1 + (n - 1) % array_length($3::uuid[], 1)], 1
		from unnest($2::text[]) with ordinality as link (hash, n)`,
		[DEMO_SURVEY, tokens.map(sha256Hex), rows.map((row) => row.id)]
	);
	return tokens;
}

/** VmHWM: the most resident memory the process has had since it started, in MB. */
async function peakRssMb(pid: number): Promise<number> {
	const status = await readFile(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
	return Math.round(kb / 1024);
}

function line(name: string, run: LoadRun) {
	console.log(
		`${name.padEnd(34)} ${String(run.rps).padStart(6)} req/s  p50 ${run.p50} ms  p95 ${run.p95} ms  p99 ${run.p99} ms  errors ${run.errors}`
	);
}

export async function benchSubmit(app: AppUnderTest): Promise<Figure[]> {
	const { stack } = app;
	const restUrl = `${stack.apiUrl}/rest/v1`;
	const db = new pg.Client({ connectionString: stack.dbUrl });
	await db.connect();
	const runs: Record<string, LoadRun> = {};
	try {
		await useBenchRateLimits(db);
		const personal = await createPersonalLinks(db);
		await createInsertTable(db, restUrl, stack.anonKey);
		const rest = { apikey: stack.anonKey, 'content-type': 'application/json', prefer: 'return=minimal' };
		const rpcStored = (status: number, body: string) => status === 200 && /"outcome":\s*"ok"/.test(body);
		const rpcBody = (token: string) =>
			JSON.stringify({ p_token: token, p_submission: newToken(), p_answers: answers, p_client_address: '198.51.100.7' });
		let next = 0;

		runs.rpcCampaign = await load({
			url: `${restUrl}/rpc/submit_survey_response`,
			headers: rest,
			body: () => rpcBody(CAMPAIGN_TOKEN),
			stored: rpcStored
		});
		line('RPC on PostgREST, one poster', runs.rpcCampaign);
		runs.rpcPersonal = await load({
			url: `${restUrl}/rpc/submit_survey_response`,
			headers: rest,
			body: () => rpcBody(personal[next++ % personal.length]), // each link once, unless a run outlasts them
			stored: rpcStored
		});
		line('RPC on PostgREST, personal links', runs.rpcPersonal);
		runs.insert = await load({
			url: `${restUrl}/${INSERT_TABLE}`,
			headers: rest,
			body: () => '{"note":"bench"}',
			stored: (status) => status === 201
		});
		line('plain insert on PostgREST', runs.insert);

		const form = (submission: string) => new URLSearchParams({ _submission: submission, recommend: '9', satisfaction: '5' }).toString();
		// The phone's path, with or without the page's script: both post the form and get the page back.
		runs.full = await load({
			url: `${app.appUrl}/f/${CAMPAIGN_TOKEN}?/survey`,
			headers: { origin: app.appUrl, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: () => form(newToken()),
			stored: (status, body) => status === 200 && body.includes('data-testid="survey-thanks"')
		});
		line('form POST to SvelteKit', runs.full);
	} finally {
		await dropInsertTable(db).catch(() => {});
		await db.end();
	}
	const rss = app.app.pid ? await peakRssMb(app.app.pid) : NaN;
	const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
	const seconds = runSeconds();
	const lat = (run: LoadRun) => `p50 ${run.p50} ms, p95 ${run.p95} ms, p99 ${run.p99} ms, ${run.errors} errors`;
	const how = `64 connections, ${seconds} s`;
	return [
		{
			name: 'submit.rps.postgrest',
			value: runs.rpcCampaign.rps,
			unit: 'req/s',
			target: null,
			better: 'higher',
			note: `submit_survey_response on PostgREST, one campaign link; ${how}; ${lat(runs.rpcCampaign)}`
		},
		{
			name: 'submit.rps.postgrest_personal',
			value: runs.rpcPersonal.rps,
			unit: 'req/s',
			target: null,
			better: 'higher',
			note: `the same spread over personal links, one submission each; ${lat(runs.rpcPersonal)}`
		},
		{
			name: 'submit.rps.insert',
			value: runs.insert.rps,
			unit: 'req/s',
			target: null,
			better: 'higher',
			note: `plain PostgREST insert into a one-column table; ${lat(runs.insert)}`
		},
		{
			name: 'submit.rps.full',
			value: runs.full.rps,
			unit: 'req/s',
			target: null,
			better: 'higher',
			note: `form POST to /f/<token>?/survey answered with the page, production build; ${how}; ${lat(runs.full)}`
		},
		{
			name: 'submit.ratio',
			value: ratio(runs.full.rps, runs.rpcCampaign.rps),
			unit: 'ratio',
			target: 0.5,
			better: 'higher',
			note: 'full / postgrest, one campaign link, same run'
		},
		{
			name: 'submit.rpc_vs_insert',
			value: ratio(runs.rpcCampaign.rps, runs.insert.rps),
			unit: 'ratio',
			target: 0.5,
			better: 'higher',
			note: 'submission RPC / plain insert, same run'
		},
		{
			name: 'submit.p95.full_ms',
			value: runs.full.p95,
			unit: 'ms',
			target: 150,
			better: 'lower',
			note: `p95 of the full path (p50 ${runs.full.p50}, p99 ${runs.full.p99})`
		},
		{
			name: 'submit.errors',
			value: runs.full.errors,
			unit: 'count',
			target: 0,
			better: 'lower',
			note: 'non-2xx/3xx, socket errors and unstored answers in the full-path run'
		},
		{
			name: 'server.peak_rss_mb',
			value: rss,
			unit: 'MB',
			target: 400,
			better: 'lower',
			note: 'SvelteKit server peak resident memory (VmHWM) after the load'
		}
	];
}
