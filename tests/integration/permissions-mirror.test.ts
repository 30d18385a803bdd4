// The staff screens decide what to offer with src/lib/staff/permissions.ts; the database decides what
// happens. This keeps the two in step: every answer of `can` is checked against a real attempt.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type pg from 'pg';
import { can } from '../../src/lib/staff/permissions.ts';
import type { StaffMember, StaffRole } from '../../src/lib/staff/roles.ts';
import { demoStaff, signIn, type Client } from './actors.ts';
import { superuser } from './env.ts';

const ROLES: { key: keyof typeof demoStaff; role: StaffRole }[] = [
	{ key: 'admin', role: 'admin' },
	{ key: 'manager', role: 'manager' },
	{ key: 'quality', role: 'quality' },
	{ key: 'agent', role: 'agent' },
	{ key: 'accountManager', role: 'account_manager' }
];

let db: pg.Client;
const clientIds: string[] = [];

async function makeClient(accountManagerId: string): Promise<string> {
	const { rows } = await db.query<{ id: string }>(
		"insert into public.clients (name, account_manager_id) values ('Espejo de permisos ' || gen_random_uuid(), $1) returning id",
		[accountManagerId]
	);
	clientIds.push(rows[0].id);
	return rows[0].id;
}

beforeAll(async () => {
	db = await superuser();
});

afterAll(async () => {
	await db.query('delete from public.clients where id = any ($1::uuid[])', [clientIds]);
	await db.end();
});

describe.each(ROLES)('$role: the screens offer exactly what RLS allows', ({ key, role }) => {
	let client: Client;
	let staff: StaffMember;
	beforeAll(async () => {
		client = await signIn(demoStaff[key].email);
		staff = { userId: demoStaff[key].id, fullName: '', email: demoStaff[key].email, role };
	});

	for (const owner of ['accountManager', 'otherAccountManager'] as const) {
		it(`edit a client of ${owner}`, async () => {
			const id = await makeClient(demoStaff[owner].id);
			const { data } = await client.from('clients').update({ sector: 'Comprobado' }).eq('id', id).select('id');
			expect((data?.length ?? 0) === 1).toBe(can.editClient(staff, { accountManagerId: demoStaff[owner].id }));
		});

		it(`archive a client of ${owner}`, async () => {
			const id = await makeClient(demoStaff[owner].id);
			const { data } = await client.from('clients').update({ archived_at: new Date().toISOString() }).eq('id', id).select('id');
			expect((data?.length ?? 0) === 1).toBe(can.archiveClient(staff, { accountManagerId: demoStaff[owner].id }));
		});

		it(`add a contract for a client of ${owner}`, async () => {
			const id = await makeClient(demoStaff[owner].id);
			const { error } = await client.from('contracts').insert({
				client_id: id,
				reference: `ESPEJO-${crypto.randomUUID()}`,
				title: 'Comprobación',
				start_date: '2026-01-01',
				due_date: '2026-02-01'
			});
			expect(error === null).toBe(can.createForClient(staff, { accountManagerId: demoStaff[owner].id }));
		});
	}

	it('add a client', async () => {
		const { data, error } = await client
			.from('clients')
			.insert({ name: `Espejo alta ${crypto.randomUUID()}` })
			.select('id');
		if (data?.[0]) clientIds.push(data[0].id);
		expect(error === null).toBe(can.createClient(staff));
	});

	it('delete a client', async () => {
		const id = await makeClient(demoStaff.accountManager.id);
		const { data } = await client.from('clients').delete().eq('id', id).select('id');
		expect((data?.length ?? 0) === 1).toBe(can.delete(staff));
	});
});
