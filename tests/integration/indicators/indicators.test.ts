// The indicator definitions (supabase/migrations/20261201002000_indicators.sql) against fixtures with known answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { superuser } from '../env.ts';
import { createClientRow, createContract, createResponse } from './fixtures.ts';

let db: pg.Client;
beforeAll(async () => {
	db = await superuser();
});
afterAll(async () => {
	await db.end();
});

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
	const { rows } = await db.query(sql, params);
	return rows[0] as T;
}

describe('Wilson 95 % interval', () => {
	// Hand-computed with z = 1.96: centre (p + z²/2n), half-width z·sqrt(p(1-p)/n + z²/4n²), both over (1 + z²/n).
	const cases = [
		{ name: '9 of 10', successes: 9, n: 10, lower: 0.5958, upper: 0.9821 },
		{ name: '45 of 50', successes: 45, n: 50, lower: 0.7864, upper: 0.9565 },
		{ name: '5 of 5', successes: 5, n: 5, lower: 0.5655, upper: 1 },
		{ name: '0 of 4', successes: 0, n: 4, lower: 0, upper: 0.4899 }
	];
	for (const { name, successes, n, lower, upper } of cases) {
		it(name, async () => {
			const bounds = await one<{ lower: number; upper: number }>('select * from private.wilson_interval($1, $2)', [successes, n]);
			expect(bounds.lower).toBeCloseTo(lower, 3);
			expect(bounds.upper).toBeCloseTo(upper, 3);
		});
	}

	it('has no bounds without answers', async () => {
		expect(await one('select * from private.wilson_interval(0, 0)')).toEqual({ lower: null, upper: null });
	});
});

describe('status against the target', () => {
	const cases = [
		{ name: '9 of 10 against 85 % straddles it', successes: 9, n: 10, target: 85, status: 'inconclusive' },
		{ name: '100 of 100 against 85 % is met', successes: 100, n: 100, target: 85, status: 'met' },
		{ name: '30 of 30 against 95 % is still inconclusive (lower bound 88.6 %)', successes: 30, n: 30, target: 95, status: 'inconclusive' },
		{ name: '2 of 10 against 85 % is not met', successes: 2, n: 10, target: 85, status: 'not_met' },
		{ name: 'no answers is no data', successes: 0, n: 0, target: 85, status: 'no_data' }
	];
	for (const { name, successes, n, target, status } of cases) {
		it(name, async () => {
			const row = await one<{ status: string }>('select private.indicator_status($1, $2, $3) as status', [successes, n, target]);
			expect(row.status).toBe(status);
		});
	}

	it('shows no percentage for an empty quarter, never 0 % or NaN', async () => {
		const { figure } = await one<{ figure: Record<string, unknown> }>(
			`select private.indicator_figure('sc', '2001-04-01', 0, 0, private.target_for('sc', '2001-04-01')) as figure`
		);
		expect(figure).toMatchObject({ n: 0, value: null, lower: null, upper: null, status: 'no_data', quarter: '2001-Q2', target: 85 });
	});
});

describe('CCT', () => {
	it('counts only contracts due in the quarter, delivered on time and accepted', async () => {
		const client = await createClientRow(db);
		await createContract(db, client, { due: '2001-02-10', delivered: '2001-02-12T12:00:00Z', conformity: 'accepted' }); // late but accepted
		await createContract(db, client, { due: '2001-02-10', delivered: '2001-02-09T12:00:00Z', conformity: 'rejected' }); // on time, rejected
		await createContract(db, client, { due: '2001-03-01', delivered: '2001-03-01T12:00:00Z', conformity: 'accepted' }); // fulfilled
		await createContract(db, client, { due: '2001-03-15' }); // still pending past its due date
		await createContract(db, client, { due: '2001-04-02', delivered: '2001-04-01T12:00:00Z', conformity: 'accepted' }); // next quarter
		const rows = await db.query('select quarter::text as quarter, successes, n from private.cct_by_quarter($1, $2, $3) order by quarter', [
			'2001-01-01',
			'2001-04-01',
			[client]
		]);
		expect(rows.rows).toEqual([
			{ quarter: '2001-01-01', successes: 1, n: 4 },
			{ quarter: '2001-04-01', successes: 1, n: 1 }
		]);
	});

	it('judges "on time" by the organisation\'s calendar day (Europe/Madrid)', async () => {
		const timing = (due: string, delivered: string | null, today: string) =>
			one<{ timing: string }>('select private.contract_timing($1, $2, $3) as timing', [due, delivered, today]).then((row) => row.timing);
		expect(await timing('2026-05-10', '2026-05-01T09:00:00Z', '2026-06-01')).toBe('on_time');
		expect(await timing('2026-05-10', '2026-05-10T21:30:00Z', '2026-06-01')).toBe('on_time'); // 23:30 in Madrid
		expect(await timing('2026-05-10', '2026-05-10T22:30:00Z', '2026-06-01')).toBe('late'); // 00:30 on the 11th in Madrid
		expect(await timing('2026-05-10', null, '2026-05-11')).toBe('overdue');
		expect(await timing('2026-05-10', null, '2026-05-10')).toBe('open');
	});

	it('is what the contracts list shows through the computed field', async () => {
		const client = await createClientRow(db);
		const id = await createContract(db, client, { due: '2001-02-10', delivered: '2001-02-12T12:00:00Z' });
		const row = await one<{ timing: string }>('select public.contract_timing(c) as timing from public.contracts as c where id = $1', [id]);
		expect(row.timing).toBe('late');
	});
});

describe('SC', () => {
	it("uses each client's latest answer in the quarter and counts every anonymous response", async () => {
		const twice = await createClientRow(db);
		const once = await createClientRow(db);
		await createResponse(db, { clientId: twice, at: '2001-07-03T10:00:00Z', csat: 5 });
		await createResponse(db, { clientId: twice, at: '2001-08-03T10:00:00Z', csat: 2 }); // the latest: not satisfied
		await createResponse(db, { clientId: once, at: '2001-08-10T10:00:00Z', csat: 4 });
		await createResponse(db, { clientId: once, at: '2001-10-02T10:00:00Z', csat: 1 }); // next quarter
		await createResponse(db, { clientId: null, at: '2001-07-20T10:00:00Z', csat: 5 });
		await createResponse(db, { clientId: null, at: '2001-07-21T10:00:00Z', csat: 5 });
		await createResponse(db, { clientId: null, at: '2001-07-22T10:00:00Z', csat: 3 });

		const scoped = await db.query('select quarter::text as quarter, successes, n from private.sc_by_quarter($1, $1, $2, null, null)', [
			'2001-07-01',
			[twice, once]
		]);
		expect(scoped.rows).toEqual([{ quarter: '2001-07-01', successes: 1, n: 2 }]);
		const everyone = await db.query(
			`select quarter::text as quarter, successes, n from private.sc_by_quarter('2001-07-01', '2001-07-01', null, null, null)`
		);
		expect(everyone.rows).toEqual([{ quarter: '2001-07-01', successes: 3, n: 5 }]);
	});

	it('has no rows for a quarter nobody was surveyed in', async () => {
		const empty = await db.query(
			`select quarter::text as quarter, successes, n from private.sc_by_quarter('2001-01-01', '2001-01-01', null, null, null)`
		);
		expect(empty.rows).toEqual([]);
	});

	it('recomputes the latest answer when a response is deleted', async () => {
		const client = await createClientRow(db);
		await createResponse(db, { clientId: client, at: '2002-01-05T10:00:00Z', csat: 5 });
		const latest = await createResponse(db, { clientId: client, at: '2002-02-05T10:00:00Z', csat: 1 });
		const before = await db.query('select quarter::text as quarter, successes, n from private.sc_by_quarter($1, $1, $2, null, null)', [
			'2002-01-01',
			[client]
		]);
		expect(before.rows).toEqual([{ quarter: '2002-01-01', successes: 0, n: 1 }]);
		await db.query('delete from public.survey_responses where id = $1', [latest]);
		const after = await db.query('select quarter::text as quarter, successes, n from private.sc_by_quarter($1, $1, $2, null, null)', [
			'2002-01-01',
			[client]
		]);
		expect(after.rows).toEqual([{ quarter: '2002-01-01', successes: 1, n: 1 }]);
	});
});
