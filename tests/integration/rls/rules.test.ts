// Rules of the staff foundation that a plain allow/deny matrix cannot show:
// no self-promotion, no handing a client away, ids and timestamps owned by the
// database, and a requirement's contract always being its own client's.
import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type pg from 'pg';
import { superuser } from '../env.ts';
import { signIn, demoStaff, createTestUser, deleteTestUsers, enrolStaff, type Client, type TestUser } from '../actors.ts';

const shortTag = () => randomUUID().replaceAll('-', '').slice(0, 20);

async function insertClient(db: pg.Client, accountManagerId: string | null): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		'insert into public.clients (name, tax_id, account_manager_id) values ($1, $2, $3) returning id',
		[`Cliente reglas ${shortTag()}`, `R-${shortTag()}`, accountManagerId]
	);
	return rows[0].id;
}

async function insertContract(db: pg.Client, clientId: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		`insert into public.contracts (client_id, reference, title, start_date, due_date)
		values ($1, $2, 'Contrato de reglas', current_date, current_date + 10) returning id`,
		[clientId, `RULES-${shortTag()}`]
	);
	return rows[0].id;
}

describe('staff foundation rules', () => {
	let db: pg.Client;
	let admin: Client;
	let accountManager: Client;
	let throwawayAdmin: TestUser;
	let throwawayAdminClient: Client;
	const clientIds: string[] = [];

	beforeAll(async () => {
		db = await superuser();
		admin = await signIn(demoStaff.admin.email);
		accountManager = await signIn(demoStaff.accountManager.email);
		// Self-change tests act as an admin of their own, never the shared demo admin.
		throwawayAdmin = await createTestUser('rls-own-admin');
		await enrolStaff(db, throwawayAdmin, 'admin');
		throwawayAdminClient = await signIn(throwawayAdmin.email, throwawayAdmin.password);
	});

	afterAll(async () => {
		await db.query('delete from public.clients where id = any ($1::uuid[])', [clientIds]);
		await deleteTestUsers([throwawayAdmin]);
		await db.end();
	});

	const staffRow = async (userId: string) =>
		(await db.query('select role, active from public.staff_members where user_id = $1', [userId])).rows[0];

	it('an admin cannot change their own role', async () => {
		const { error } = await throwawayAdminClient.from('staff_members').update({ role: 'agent' }).eq('user_id', throwawayAdmin.id);
		expect(error?.code).toBe('42501');
		expect(error?.message).toBe('staff members cannot change their own role or active flag');
		expect(await staffRow(throwawayAdmin.id)).toEqual({ role: 'admin', active: true });
	});

	it('an admin cannot deactivate themselves', async () => {
		const { error } = await throwawayAdminClient.from('staff_members').update({ active: false }).eq('user_id', throwawayAdmin.id);
		expect(error?.code).toBe('42501');
		expect(await staffRow(throwawayAdmin.id)).toEqual({ role: 'admin', active: true });
	});

	it('an admin may rename themselves', async () => {
		const { data, error } = await throwawayAdminClient
			.from('staff_members')
			.update({ full_name: 'Nombre corregido' })
			.eq('user_id', throwawayAdmin.id)
			.select('full_name');
		expect(error).toBeNull();
		expect(data).toEqual([{ full_name: 'Nombre corregido' }]);
	});

	it('an admin cannot delete their own staff row', async () => {
		const { data, error } = await throwawayAdminClient.from('staff_members').delete().eq('user_id', throwawayAdmin.id).select('user_id');
		expect(error).toBeNull();
		expect(data).toEqual([]);
		expect(await staffRow(throwawayAdmin.id)).toEqual({ role: 'admin', active: true });
	});

	it("an admin changes another staff member's role, and a deactivated one loses all access at once", async () => {
		const colleague = await createTestUser('rls-colleague');
		try {
			await enrolStaff(db, colleague, 'agent');
			const colleagueClient = await signIn(colleague.email, colleague.password);
			expect((await colleagueClient.from('staff_members').select('user_id').eq('user_id', colleague.id)).data).toHaveLength(1);

			const promoted = await admin.from('staff_members').update({ role: 'quality' }).eq('user_id', colleague.id).select('role');
			expect(promoted).toMatchObject({ error: null, data: [{ role: 'quality' }] });
			const deactivated = await admin.from('staff_members').update({ active: false }).eq('user_id', colleague.id).select('active');
			expect(deactivated).toMatchObject({ error: null, data: [{ active: false }] });

			// The same session, no new sign-in: the helpers read staff_members on every statement.
			expect((await colleagueClient.from('staff_members').select('user_id')).data).toEqual([]);
			expect((await colleagueClient.from('clients').select('id').limit(1)).data).toEqual([]);
		} finally {
			await deleteTestUsers([colleague]);
		}
	});

	it('an account manager cannot hand their client to another account manager', async () => {
		const clientId = await insertClient(db, demoStaff.accountManager.id);
		clientIds.push(clientId);
		const { error } = await accountManager
			.from('clients')
			.update({ account_manager_id: demoStaff.otherAccountManager.id })
			.eq('id', clientId);
		expect(error?.code).toBe('42501');
		expect(error?.message).toContain('row-level security');
		const { rows } = await db.query('select account_manager_id from public.clients where id = $1', [clientId]);
		expect(rows).toEqual([{ account_manager_id: demoStaff.accountManager.id }]);
	});

	it('a manager reassigns a client, and the account managers see it move', async () => {
		const manager = await signIn(demoStaff.manager.email);
		const otherAccountManager = await signIn(demoStaff.otherAccountManager.email);
		const clientId = await insertClient(db, demoStaff.accountManager.id);
		clientIds.push(clientId);
		const contractId = await insertContract(db, clientId);

		const { error } = await manager.from('clients').update({ account_manager_id: demoStaff.otherAccountManager.id }).eq('id', clientId);
		expect(error).toBeNull();
		expect((await accountManager.from('contracts').select('id').eq('id', contractId)).data).toEqual([]);
		expect((await otherAccountManager.from('contracts').select('id').eq('id', contractId)).data).toEqual([{ id: contractId }]);
	});

	it('a contract never moves to another client through the API', async () => {
		const [from, to] = [await insertClient(db, demoStaff.accountManager.id), await insertClient(db, demoStaff.accountManager.id)];
		clientIds.push(from, to);
		const contractId = await insertContract(db, from);
		const { error } = await admin.from('contracts').update({ client_id: to }).eq('id', contractId);
		expect(error?.code).toBe('42501');
		expect(error?.message).toBe('permission denied for table contracts');
	});

	it("a requirement's contract must belong to the same client", async () => {
		const [own, other] = [await insertClient(db, demoStaff.accountManager.id), await insertClient(db, demoStaff.accountManager.id)];
		clientIds.push(own, other);
		const otherContract = await insertContract(db, other);
		const { error } = await admin
			.from('requirements')
			.insert({ client_id: own, contract_id: otherContract, statement: 'Requisito cruzado' });
		expect(error?.code).toBe('23503');
		expect(error?.message).toContain('requirements_contract_id_fkey');
	});

	it('deleting a contract keeps its requirements, unlinked', async () => {
		const clientId = await insertClient(db, demoStaff.accountManager.id);
		clientIds.push(clientId);
		const contractId = await insertContract(db, clientId);
		const { data: requirement } = await admin
			.from('requirements')
			.insert({ client_id: clientId, contract_id: contractId, statement: 'Sobrevive al contrato' })
			.select('id')
			.single();
		expect((await admin.from('contracts').delete().eq('id', contractId).select('id')).data).toEqual([{ id: contractId }]);
		const { rows } = await db.query('select client_id, contract_id from public.requirements where id = $1', [requirement!.id]);
		expect(rows).toEqual([{ client_id: clientId, contract_id: null }]);
	});

	it('a contract is due on or after its start, and is accepted only once delivered', async () => {
		const clientId = await insertClient(db, demoStaff.accountManager.id);
		clientIds.push(clientId);
		const base = { client_id: clientId, title: 'Fechas', start_date: '2026-05-10' };
		const early = await accountManager.from('contracts').insert({ ...base, reference: `EARLY-${shortTag()}`, due_date: '2026-05-09' });
		expect(early.error?.code).toBe('23514');
		expect(early.error?.message).toContain('contracts_due_after_start');
		const undelivered = await accountManager
			.from('contracts')
			.insert({ ...base, reference: `ACC-${shortTag()}`, due_date: '2026-06-01', conformity: 'accepted' });
		expect(undelivered.error?.code).toBe('23514');
		expect(undelivered.error?.message).toContain('contracts_conformity_after_delivery');
	});

	it('blank or oversized text is refused by the database', async () => {
		const blank = await admin.from('clients').insert({ name: '   ' });
		expect(blank.error?.code).toBe('23514');
		const long = await admin.from('clients').insert({ name: 'x'.repeat(201) });
		expect(long.error?.code).toBe('23514');
	});

	it('ids of staff and timestamps belong to the database', async () => {
		const clientId = await insertClient(db, demoStaff.accountManager.id);
		clientIds.push(clientId);
		const stamped = await admin.from('clients').update({ created_at: '2000-01-01T00:00:00Z' }).eq('id', clientId);
		expect(stamped.error?.code).toBe('42501');
		const { rows: before } = await db.query('select updated_at from public.clients where id = $1', [clientId]);
		const renamed = await admin.from('clients').update({ sector: 'Renombrado' }).eq('id', clientId).select('updated_at').single();
		expect(renamed.error).toBeNull();
		expect(new Date(renamed.data!.updated_at).getTime()).toBeGreaterThan(before[0].updated_at.getTime());
	});

	it('the permission helpers are not reachable as RPC', async () => {
		const { error } = await admin.rpc('has_staff_role' as never, { roles: ['admin'] } as never);
		expect(error?.code).toBe('PGRST202');
	});
});
