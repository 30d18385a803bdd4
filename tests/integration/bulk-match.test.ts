// Bulk links from a CSV: public.match_invitation_rows matches rows in the database, among all the clients the
// caller may see (past PostgREST's 1,000-row cap), under the caller's RLS. 1,500 clients of this run are made
// straight in the database; a CSV of 500 rows (the form's maximum) names every third one, up to the 1,498th.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createTestUser, deleteTestUsers, demoStaff, enrolStaff, signIn, type Client, type TestUser } from './actors.ts';
import { superuser } from './env.ts';

const run = randomUUID().slice(0, 8);
const CLIENTS = 1_500;
const name = (i: number) => `Cliente ${run} número ${String(i).padStart(4, '0')}`;
const taxId = (i: number) => `T${run}-${i}`.toUpperCase();

let manager: Client;
let ownerClient: Client;
let owner: TestUser;
const ids: Record<string, string> = {};

beforeAll(async () => {
	owner = await createTestUser('bulk-owner');
	const db = await superuser();
	try {
		await enrolStaff(db, owner, 'account_manager');
		// Client i belongs to the throwaway account manager when i is even.
		await db.query(
			`insert into public.clients (name, tax_id, account_manager_id)
			 select format('Cliente %s número %s', $1::text, lpad(i::text, 4, '0')), upper(format('T%s-%s', $1::text, i)),
			        case when i % 2 = 0 then $2::uuid end
			 from generate_series(1, $3::int) as i`,
			[run, owner.id, CLIENTS]
		);
		const named = async (label: string, clientName: string, tax: string | null) => {
			const { rows } = await db.query<{ id: string }>('insert into public.clients (name, tax_id) values ($1, $2) returning id', [
				clientName,
				tax
			]);
			ids[label] = rows[0].id;
		};
		await named('pena', `Construcciones Peña ${run} S.L.`, `B-${run}`);
		await named('twinA', `Gemelos ${run}`, `A1-${run}`);
		await named('twinB', `gemelos ${run}`, `A2-${run}`);
		const { rows } = await db.query<{ id: string }>(
			`insert into public.contracts (client_id, reference, title, start_date, due_date)
			 values ($1, $2, 'Obra', current_date, current_date + 30) returning id`,
			[ids.pena, `CT-${run}-001`]
		);
		ids.penaContract = rows[0].id;
	} finally {
		await db.end();
	}
	[manager, ownerClient] = await Promise.all([signIn(demoStaff.manager.email), signIn(owner.email, owner.password)]);
});

afterAll(async () => {
	const db = await superuser();
	try {
		await db.query('delete from public.clients where name ilike $1', [`%${run}%`]);
	} finally {
		await db.end();
	}
	await deleteTestUsers([owner]);
});

const ROWS = 500;
const nthClient = (k: number) => 1 + 3 * k;
const csvByName = () => Array.from({ length: ROWS }, (_, k) => ({ line: k + 2, client: name(nthClient(k)), contract_reference: null }));

describe('match_invitation_rows with 1,500 clients', () => {
	it('matches every row for a manager, including clients past the first 1,000', async () => {
		const { data, error } = await manager.rpc('match_invitation_rows', { csv_rows: csvByName() });
		expect(error).toBeNull();
		expect(data).toHaveLength(ROWS);
		expect(data!.filter((row) => row.problem !== null)).toEqual([]);
		expect(data![ROWS - 1]).toMatchObject({ line: ROWS + 1, client_name: name(1498), problem: null });
		expect(new Set(data!.map((row) => row.client_id)).size).toBe(ROWS);
	});

	it('matches by tax id, spaced and in lower case', async () => {
		const rows = [1001, 1499].map((i, k) => ({
			line: k + 2,
			client: ` ${taxId(i).toLowerCase().replace('-', ' - ')} `,
			contract_reference: null
		}));
		const { data } = await manager.rpc('match_invitation_rows', { csv_rows: rows });
		expect(data!.map((row) => [row.client_name, row.problem])).toEqual([
			[name(1001), null],
			[name(1499), null]
		]);
	});

	it('lets an account manager match only their own clients (the odd ones are not found)', async () => {
		const { data, error } = await ownerClient.rpc('match_invitation_rows', { csv_rows: csvByName() });
		expect(error).toBeNull();
		const found = data!.filter((row) => row.problem === null);
		expect(found).toHaveLength(ROWS / 2);
		expect(found.every((row) => Number(row.client_name.slice(-4)) % 2 === 0)).toBe(true);
		expect(data!.filter((row) => row.problem === 'client_not_found')).toHaveLength(ROWS / 2);
	});

	it('refuses anon', async () => {
		const { data, error } = await anonClient().rpc('match_invitation_rows', { csv_rows: [] });
		expect(data).toBeNull();
		expect(error?.code).toBe('42501');
	});

	it('refuses more rows than PostgREST would answer, instead of cutting the answer', async () => {
		const rows = Array.from({ length: 1_001 }, (_, k) => ({ line: k, client: 'x', contract_reference: null }));
		const { error } = await manager.rpc('match_invitation_rows', { csv_rows: rows });
		expect(error?.message).toBe('csv_rows must be an array of at most 1000 rows');
	});
});

describe('match_invitation_rows rules', () => {
	const cases = [
		{
			name: 'name without accents or case',
			client: `construcciones pena ${run} s.l.`,
			ref: null,
			expected: { client: 'pena', contract: null, problem: null }
		},
		{ name: 'tax id with a dash', client: `b${run}`, ref: null, expected: { client: 'pena', contract: null, problem: null } },
		{
			name: 'contract of the client',
			client: `B-${run}`,
			ref: ` ct-${run}-001 `,
			expected: { client: 'pena', contract: 'penaContract', problem: null }
		},
		{ name: 'contract of another client', client: name(3), ref: `CT-${run}-001`, expected: { problem: 'contract_not_found' } },
		{ name: 'unknown client', client: `Nadie ${run} SA`, ref: null, expected: { client: null, problem: 'client_not_found' } },
		{ name: 'two clients with that name', client: `GEMELOS ${run}`, ref: null, expected: { client: null, problem: 'client_ambiguous' } },
		{ name: 'tax id settles a shared name', client: `A2-${run}`, ref: null, expected: { client: 'twinB', problem: null } }
	] as const;

	it.each(cases)('$name', async ({ client, ref, expected }) => {
		const { data, error } = await manager.rpc('match_invitation_rows', { csv_rows: [{ line: 7, client, contract_reference: ref }] });
		expect(error).toBeNull();
		const [row] = data!;
		expect(row.line).toBe(7);
		expect(row.problem).toBe(expected.problem);
		if ('client' in expected) expect(row.client_id).toBe(expected.client ? ids[expected.client] : null);
		if ('contract' in expected) expect(row.contract_id).toBe(expected.contract ? ids[expected.contract] : null);
	});
});
