// The rollups the triggers keep equal what a rebuild from raw data computes, and a closed quarter's
// frozen figures change only through a recorded restatement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { superuser } from '../env.ts';
import { createClientRow, createContract, createResponse } from './fixtures.ts';

const ROLLUPS = [
	'response_rollup_daily',
	'response_rollup_client_daily',
	'satisfaction_latest',
	'invitation_rollup_monthly',
	'item_rollup_monthly',
	'item_rollup_client_monthly',
	'item_resolution_monthly',
	'item_resolution_client_monthly',
	'contract_rollup_daily'
];

let db: pg.Client;
beforeAll(async () => {
	db = await superuser();
});
afterAll(async () => {
	await db.end();
});

async function rollupContents(): Promise<Record<string, string[]>> {
	const contents: Record<string, string[]> = {};
	for (const table of ROLLUPS) {
		const { rows } = await db.query(`select t::text as row from private.${table} as t order by 1`);
		contents[table] = rows.map((row) => row.row as string);
	}
	return contents;
}

describe('rollups', () => {
	it('kept by triggers through inserts, updates and deletes equal a rebuild from raw data', async () => {
		const client = await createClientRow(db);
		const other = await createClientRow(db);
		for (let day = 1; day <= 12; day++) {
			await createResponse(db, {
				clientId: day % 3 ? client : null,
				at: `2003-0${1 + (day % 6)}-${10 + day}T09:00:00Z`,
				csat: 1 + (day % 5),
				nps: day % 11
			});
		}
		const late = await createContract(db, client, { due: '2003-02-01', delivered: '2003-02-03T12:00:00Z', conformity: 'accepted' });
		await createContract(db, other, { due: '2003-05-01' });
		// A bulk statement, a move between clients, a correction, deletions and item triage.
		await db.query(
			`insert into public.feedback_items (kind, status, category, subject, description, client_id, created_at)
			select 'complaint', 'new', (array['product','delivery','billing'])[n % 3 + 1], 'Queja ' || n, 'Descripción de la queja ' || n, $1,
				'2003-03-01T10:00:00Z'::timestamptz + n * interval '1 day'
			from generate_series(1, 9) as n`,
			[client]
		);
		// Along the workflow the triage trigger allows: resolving takes a resolution text.
		for (const status of ['triaged', 'in_progress']) {
			await db.query(`update public.feedback_items set status = $2 where client_id = $1 and subject in ('Queja 1', 'Queja 2', 'Queja 4')`, [
				client,
				status
			]);
		}
		await db.query(
			`update public.feedback_items set status = 'resolved', resolution_text = 'Resuelta por teléfono'
			where client_id = $1 and subject in ('Queja 1', 'Queja 2', 'Queja 4')`,
			[client]
		);
		// Reopened: resolved goes back to in_progress.
		await db.query(`update public.feedback_items set status = 'in_progress' where client_id = $1 and subject = 'Queja 2'`, [client]);
		await db.query(`update public.feedback_items set client_id = $2 where client_id = $1 and subject = 'Queja 5'`, [client, other]);
		await db.query(`delete from public.feedback_items where client_id = $1 and subject = 'Queja 6'`, [client]);
		await db.query(`update public.contracts set delivered_at = '2003-01-30T12:00:00Z' where id = $1`, [late]);
		await db.query(`update public.survey_responses set client_id = $2 where client_id = $1 and created_at < '2003-03-01'`, [client, other]);
		await db.query(`delete from public.survey_responses where client_id = $1 and created_at >= '2003-05-01'`, [client]);

		// Writers wait while the two versions are compared, and nothing is kept.
		await db.query('begin');
		try {
			await db.query(
				'lock table public.survey_responses, public.feedback_items, public.contracts, public.survey_invitations in share mode'
			);
			// The rebuild leaves past days' shards folded, as the worker's hourly job does; fold the triggers' rows too.
			await db.query('select private.compact_rollup_shards()');
			const incremental = await rollupContents();
			await db.query('select public.rebuild_rollups()');
			const rebuilt = await rollupContents();
			expect(rebuilt).toEqual(incremental);
			expect(incremental.response_rollup_client_daily.length).toBeGreaterThan(0);
			expect(incremental.item_resolution_monthly.length).toBeGreaterThan(0);
		} finally {
			await db.query('rollback');
		}
	});
});

describe('sharded response rollups', () => {
	it('spread one day, survey and channel over shard rows that sum to its responses', async () => {
		const client = await createClientRow(db);
		for (let n = 0; n < 40; n++) await createResponse(db, { clientId: n % 2 ? client : null, at: '2002-06-14T09:00:00Z', csat: 4 });
		const { rows } = await db.query(
			`select count(*)::integer as shards, sum(responses)::integer as responses, sum(anonymous_satisfied)::integer as anonymous_satisfied
			from private.response_rollup_daily where day = '2002-06-14'`
		);
		// 40 random ids over 16 shards: all in one shard would be a 16^-39 chance.
		expect(rows[0].shards).toBeGreaterThan(1);
		expect(rows[0]).toMatchObject({ responses: 40, anonymous_satisfied: 20 });
		const perClient = await db.query(
			`select sum(responses)::integer as responses from private.response_rollup_client_daily where day = '2002-06-14' and client_id = $1`,
			[client]
		);
		expect(perClient.rows).toEqual([{ responses: 20 }]);
	});
});

describe('compacted rollup shards', () => {
	const COUNTS = `count(*)::integer as rows, count(distinct (survey_id, channel))::integer as keys, sum(responses)::integer as responses, sum(satisfied)::integer as satisfied,
		sum(csat_answers)::integer as csat_answers, sum(csat_top)::integer as csat_top, sum(nps_answers)::integer as nps_answers`;
	const daily = async (day: string) =>
		(
			await db.query(
				`select ${COUNTS}, sum(anonymous_satisfied)::integer as anonymous_satisfied from private.response_rollup_daily where day = $1`,
				[day]
			)
		).rows[0];
	const perClient = async (day: string, client: string) =>
		(await db.query(`select ${COUNTS} from private.response_rollup_client_daily where day = $1 and client_id = $2`, [day, client])).rows[0];

	it('fold a past day into one row per key with the same sums, and fold a late deletion in again', async () => {
		// In a transaction that is rolled back, and on days of its own, so no other test's rows are folded.
		await db.query('begin');
		try {
			const client = await createClientRow(db);
			for (let n = 0; n < 40; n++) {
				await createResponse(db, { clientId: n % 2 ? client : null, at: '2001-09-18T09:00:00Z', csat: 1 + (n % 5), nps: n % 11 });
			}
			await createResponse(db, { clientId: client, at: '2001-09-19T09:00:00Z', csat: 5 });
			const before = await daily('2001-09-18');
			const clientBefore = await perClient('2001-09-18', client);
			const nextDay = await daily('2001-09-19');
			expect(before.rows).toBeGreaterThan(1);

			const folded = await db.query(`select private.compact_rollup_shards('2001-09-19', '2001-09-18') as rows`);
			expect(folded.rows[0].rows).toBe(before.keys + clientBefore.keys);
			expect(await daily('2001-09-18')).toEqual({ ...before, rows: before.keys });
			expect(await perClient('2001-09-18', client)).toEqual({ ...clientBefore, rows: clientBefore.keys });
			// The day `before` names is left as it is.
			expect(await daily('2001-09-19')).toEqual(nextDay);

			// A late correction of a folded day writes its shard again; the sums stay right, and the next run folds it.
			await db.query(
				`delete from public.survey_responses where id = (select id from public.survey_responses
				where client_id = $1 and created_at = '2001-09-18T09:00:00Z' and satisfaction_score = 5 limit 1)`,
				[client]
			);
			const afterDelete = await perClient('2001-09-18', client);
			expect(afterDelete).toMatchObject({ responses: clientBefore.responses - 1, satisfied: clientBefore.satisfied - 1 });
			await db.query(`select private.compact_rollup_shards('2001-09-19', '2001-09-18')`);
			expect(await perClient('2001-09-18', client)).toEqual({ ...afterDelete, rows: afterDelete.keys });
			expect(await daily('2001-09-18')).toMatchObject({ rows: before.keys, responses: 39 });
		} finally {
			await db.query('rollback');
		}
	});

	it('are not open to the API roles', async () => {
		for (const role of ['anon', 'authenticated', 'service_role']) {
			const { rows } = await db.query(
				`select has_function_privilege($1, 'private.compact_rollup_shards(date, date)', 'execute') as allowed`,
				[role]
			);
			expect(rows[0].allowed, role).toBe(false);
		}
	});
});

describe('frozen quarters', () => {
	it('keep their snapshot and record a restatement when raw data changes later', async () => {
		const client = await createClientRow(db);
		const contract = await createContract(db, client, { due: '2004-02-10', delivered: '2004-02-09T12:00:00Z', conformity: 'pending' });
		await db.query('select private.freeze_closed_quarters()');
		const frozen = await db.query(`select successes, n from public.indicator_snapshots where quarter = '2004-01-01' and indicator = 'cct'`);
		expect(frozen.rows).toHaveLength(1);
		const { successes, n } = frozen.rows[0] as { successes: number; n: number };

		// Another test file may have frozen this quarter while it was still empty, in which case creating the contract
		// was itself a restatement: the figures known before the update are the latest restatement's, else the snapshot's.
		const latest = await db.query(
			`select id, successes, n from public.indicator_restatements where quarter = '2004-01-01' and indicator = 'cct'
			order by id desc limit 1`
		);
		const known = (latest.rows[0] as { successes: number; n: number } | undefined) ?? { successes, n };
		const lastId = (latest.rows[0] as { id: string } | undefined)?.id ?? '0';

		await db.query(`update public.contracts set conformity = 'accepted' where id = $1`, [contract]);

		const after = await db.query(`select successes, n from public.indicator_snapshots where quarter = '2004-01-01' and indicator = 'cct'`);
		expect(after.rows).toEqual([{ successes, n }]);
		const restatements = await db.query(
			`select previous_successes, previous_n, successes, n from public.indicator_restatements
			where quarter = '2004-01-01' and indicator = 'cct' and id > $1 order by id`,
			[lastId]
		);
		expect(restatements.rows).toEqual([
			{ previous_successes: known.successes, previous_n: known.n, successes: known.successes + 1, n: known.n }
		]);
	});
});
