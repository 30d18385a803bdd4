// The RLS allow/deny matrix of the staff foundation: every table x every kind
// of caller x {select, insert, update, delete}, each outcome checked exactly
// and each write confirmed (or confirmed absent) with the superuser connection.
import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type pg from 'pg';
import { superuser } from '../env.ts';
import { anonClient, serviceClient, signIn, demoStaff, createTestUser, deleteTestUsers, enrolStaff, type Client, type TestUser } from '../actors.ts';

type Table = 'staff_members' | 'clients' | 'contracts' | 'requirements';
type Op = 'select' | 'insert' | 'update' | 'delete';
/**
 * allowed: the row came back / was written. filtered: RLS hid the row (empty
 * result, nothing changed). refused: the new row broke a policy (42501).
 * no_privilege: the role has no grant at all (42501).
 */
type Outcome = 'allowed' | 'filtered' | 'refused' | 'no_privilege';

const ACTORS = [
	'anon',
	'admin',
	'manager',
	'quality',
	'agent',
	'account manager',
	"account manager, another manager's client",
	'signed-in non-staff',
	'inactive staff',
	'service role'
] as const;
type Actor = (typeof ACTORS)[number];

const OPS: Op[] = ['select', 'insert', 'update', 'delete'];
const [A, F, R, N] = ['allowed', 'filtered', 'refused', 'no_privilege'] as const satisfies Outcome[];

// Columns: select, insert, update, delete. The migration's header explains why; service_role
// holds no table rights (20261201000100_explicit_grants.sql: no server task uses them, and hosted
// Supabase since 2026 grants nothing by default), so it gets no_privilege despite BYPASSRLS.
const EXPECTED: Record<Table, Record<Actor, [Outcome, Outcome, Outcome, Outcome]>> = {
	staff_members: {
		anon: [N, N, N, N],
		admin: [A, A, A, A],
		manager: [A, R, F, F],
		quality: [A, R, F, F],
		agent: [A, R, F, F],
		'account manager': [A, R, F, F],
		"account manager, another manager's client": [A, R, F, F],
		'signed-in non-staff': [F, R, F, F],
		'inactive staff': [F, R, F, F],
		'service role': [N, N, N, N]
	},
	clients: {
		anon: [N, N, N, N],
		admin: [A, A, A, A],
		manager: [A, A, A, F],
		quality: [A, R, F, F],
		agent: [A, R, F, F],
		'account manager': [A, R, A, F],
		"account manager, another manager's client": [F, R, F, F],
		'signed-in non-staff': [F, R, F, F],
		'inactive staff': [F, R, F, F],
		'service role': [N, N, N, N]
	},
	contracts: {
		anon: [N, N, N, N],
		admin: [A, A, A, A],
		manager: [A, A, A, F],
		quality: [A, R, F, F],
		agent: [A, R, F, F],
		'account manager': [A, A, A, F],
		"account manager, another manager's client": [F, R, F, F],
		'signed-in non-staff': [F, R, F, F],
		'inactive staff': [F, R, F, F],
		'service role': [N, N, N, N]
	},
	requirements: {
		anon: [N, N, N, N],
		admin: [A, A, A, A],
		manager: [A, A, A, F],
		quality: [A, R, F, F],
		agent: [A, R, F, F],
		'account manager': [A, A, A, F],
		"account manager, another manager's client": [F, R, F, F],
		'signed-in non-staff': [F, R, F, F],
		'inactive staff': [F, R, F, F],
		'service role': [N, N, N, N]
	}
};

const CASES = (Object.keys(EXPECTED) as Table[]).flatMap((table) =>
	ACTORS.flatMap((actor) => OPS.map((op, i) => ({ table, actor, op, expected: EXPECTED[table][actor][i] })))
);

const PRIMARY_KEY: Record<Table, string> = { staff_members: 'user_id', clients: 'id', contracts: 'id', requirements: 'id' };
// The column each update changes, so the superuser can tell whether it did.
const UPDATED_COLUMN: Record<Table, string> = { staff_members: 'full_name', clients: 'sector', contracts: 'title', requirements: 'statement' };

/** Rows made for one case: a client (of the actor's own or the other account manager) with one contract and one requirement, plus a staff member. */
interface Fixture {
	clientId: string;
	contractId: string;
	requirementId: string;
	staffUserId: string;
	/** An Auth user with no staff row yet, for inserts into staff_members. */
	freshUserId: string;
	tag: string;
}

async function makeFixture(db: pg.Client, accountManagerId: string): Promise<Fixture> {
	const tag = randomUUID();
	const [clientId, contractId, requirementId, staffUserId, freshUserId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
	await db.query(
		`with users as (
			insert into auth.users (id, aud, role, email, created_at, updated_at)
			values ($4, 'authenticated', 'authenticated', 'staff-' || $6 || '@test.local', now(), now()),
				($5, 'authenticated', 'authenticated', 'fresh-' || $6 || '@test.local', now(), now())
		), staff as (
			insert into public.staff_members (user_id, full_name, email, role) values ($4, 'Persona ' || $6, 'staff-' || $6 || '@test.local', 'agent')
		), client as (
			insert into public.clients (id, name, tax_id, account_manager_id) values ($1, 'Cliente ' || $6, 'T-' || left(replace($6, '-', ''), 24), $7) returning id
		), contract as (
			insert into public.contracts (id, client_id, reference, title, start_date, due_date)
			select $2, id, 'REF-' || $6, 'Contrato ' || $6, current_date, current_date + 30 from client returning id, client_id
		)
		insert into public.requirements (id, client_id, contract_id, statement)
		select $3, client_id, id, 'Requisito ' || $6 from contract`,
		[clientId, contractId, requirementId, staffUserId, freshUserId, tag, accountManagerId]
	);
	return { clientId, contractId, requirementId, staffUserId, freshUserId, tag };
}

async function dropFixture(db: pg.Client, fixture: Fixture, insertedId: string) {
	await db.query('delete from public.clients where id = any ($1::uuid[])', [[fixture.clientId, insertedId]]);
	await db.query('delete from auth.users where id = any ($1::uuid[])', [[fixture.staffUserId, fixture.freshUserId]]);
}

function targetId(table: Table, fixture: Fixture): string {
	return { staff_members: fixture.staffUserId, clients: fixture.clientId, contracts: fixture.contractId, requirements: fixture.requirementId }[table];
}

function newRow(table: Table, fixture: Fixture, id: string, accountManagerId: string): Record<string, unknown> {
	const tag = fixture.tag;
	switch (table) {
		case 'staff_members':
			return { user_id: fixture.freshUserId, full_name: `Nueva persona ${tag}`, email: `fresh-${tag}@test.local`, role: 'agent' };
		case 'clients':
			return { id, name: `Cliente nuevo ${tag}`, tax_id: `N-${tag.replaceAll('-', '').slice(0, 24)}`, account_manager_id: accountManagerId };
		case 'contracts':
			return { id, client_id: fixture.clientId, reference: `NEW-${tag}`, title: 'Contrato nuevo', start_date: '2026-01-01', due_date: '2026-03-31' };
		case 'requirements':
			return { id, client_id: fixture.clientId, statement: `Requisito nuevo ${tag}` };
	}
}

async function rowExists(db: pg.Client, table: Table, id: string): Promise<boolean> {
	const { rowCount } = await db.query(`select 1 from public.${table} where ${PRIMARY_KEY[table]} = $1`, [id]);
	return rowCount === 1;
}

async function storedValue(db: pg.Client, table: Table, id: string): Promise<unknown> {
	const { rows } = await db.query(`select ${UPDATED_COLUMN[table]} as value from public.${table} where ${PRIMARY_KEY[table]} = $1`, [id]);
	return rows[0]?.value;
}

/** PostgREST's answer to a refused request, named; anything unexpected is spelled out so the diff shows it. */
function deniedOutcome(error: { code: string; message: string }): Outcome | string {
	if (error.code === '42501' && error.message.includes('row-level security')) return 'refused';
	if (error.code === '42501' && error.message.startsWith('permission denied')) return 'no_privilege';
	return `error ${error.code}: ${error.message}`;
}

/** Runs `op` as `client` and tells what happened, checking writes with the superuser. */
async function attempt(client: Client, db: pg.Client, table: Table, op: Op, fixture: Fixture, insertedId: string, accountManagerId: string): Promise<Outcome | string> {
	const key = PRIMARY_KEY[table];
	const id = targetId(table, fixture);
	switch (op) {
		case 'select': {
			const { data, error } = await client.from(table).select(key).eq(key, id);
			if (error) return deniedOutcome(error);
			if (data.length === 0) return 'filtered';
			return (data[0] as unknown as Record<string, unknown>)[key] === id ? 'allowed' : 'wrong row returned';
		}
		case 'insert': {
			const row = newRow(table, fixture, insertedId, accountManagerId);
			const { error } = await client.from(table).insert(row as never);
			const stored = await rowExists(db, table, (row[key] as string) ?? insertedId);
			if (error) return stored ? `row stored despite ${error.code}` : deniedOutcome(error);
			return stored ? 'allowed' : 'no error but no row';
		}
		case 'update': {
			const value = `Cambiado ${fixture.tag}`;
			const before = await storedValue(db, table, id);
			const { error } = await client.from(table).update({ [UPDATED_COLUMN[table]]: value } as never).eq(key, id);
			const after = await storedValue(db, table, id);
			if (error) return after === before ? deniedOutcome(error) : `changed despite ${error.code}`;
			if (after === value) return 'allowed';
			return after === before ? 'filtered' : 'changed to something else';
		}
		case 'delete': {
			const { error } = await client.from(table).delete().eq(key, id);
			const stillThere = await rowExists(db, table, id);
			if (error) return stillThere ? deniedOutcome(error) : `deleted despite ${error.code}`;
			return stillThere ? 'filtered' : 'allowed';
		}
	}
}

describe(`RLS matrix (${CASES.length} cases)`, () => {
	let db: pg.Client;
	const clients = new Map<Actor, Client>();
	const throwaway: TestUser[] = [];

	beforeAll(async () => {
		console.log(`RLS matrix: ${CASES.length} cases (${Object.keys(EXPECTED).length} tables x ${ACTORS.length} actors x ${OPS.length} operations)`);
		db = await superuser();
		const [nonStaff, inactive] = [await createTestUser('rls-non-staff'), await createTestUser('rls-inactive')];
		throwaway.push(nonStaff, inactive);
		await enrolStaff(db, inactive, 'agent', false);
		const accountManager = await signIn(demoStaff.accountManager.email);
		const signedIn: [Actor, Promise<Client>][] = [
			['admin', signIn(demoStaff.admin.email)],
			['manager', signIn(demoStaff.manager.email)],
			['quality', signIn(demoStaff.quality.email)],
			['agent', signIn(demoStaff.agent.email)],
			['signed-in non-staff', signIn(nonStaff.email, nonStaff.password)],
			['inactive staff', signIn(inactive.email, inactive.password)]
		];
		for (const [actor, client] of signedIn) clients.set(actor, await client);
		clients.set('account manager', accountManager);
		clients.set("account manager, another manager's client", accountManager);
		clients.set('anon', anonClient());
		clients.set('service role', serviceClient());
	});

	afterAll(async () => {
		await deleteTestUsers(throwaway);
		await db?.end();
	});

	it.each(CASES)('$table: $actor $op -> $expected', async ({ table, actor, op, expected }) => {
		const managerId = actor === "account manager, another manager's client" ? demoStaff.otherAccountManager.id : demoStaff.accountManager.id;
		const fixture = await makeFixture(db, managerId);
		const insertedId = randomUUID();
		try {
			expect(await attempt(clients.get(actor)!, db, table, op, fixture, insertedId, managerId)).toBe(expected);
		} finally {
			await dropFixture(db, fixture, insertedId);
		}
	});
});
