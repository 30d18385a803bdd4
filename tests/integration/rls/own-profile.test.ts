// public.update_my_profile: a person edits their own display name and language, nothing else and nobody else's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { anonClient, superuser } from '../env.ts';
import { createTestUser, deleteTestUsers, enrolStaff, signIn, type TestUser } from '../actors.ts';

let db: pg.Client;
const users: TestUser[] = [];

beforeAll(async () => {
	db = await superuser();
});

afterAll(async () => {
	await deleteTestUsers(users);
	await db.end();
});

async function staff(role: 'agent' | 'admin', active = true) {
	const user = await createTestUser('profile');
	users.push(user);
	await enrolStaff(db, user, role, active);
	return user;
}

const row = async (id: string) =>
	(await db.query('select full_name, locale, role, active from public.staff_members where user_id = $1', [id])).rows[0];

describe('update_my_profile', () => {
	it('lets a staff member set their own name and language, and nothing more', async () => {
		const me = await staff('agent');
		const client = await signIn(me.email, me.password);
		const { error } = await client.rpc('update_my_profile', { p_full_name: '  Ana Pérez  ', p_locale: 'en' });
		expect(error).toBeNull();
		expect(await row(me.id)).toEqual({ full_name: 'Ana Pérez', locale: 'en', role: 'agent', active: true });
	});

	it("never touches another person's row, and staff_members itself stays closed to non-admins", async () => {
		const me = await staff('agent');
		const other = await staff('agent');
		const client = await signIn(me.email, me.password);
		await client.rpc('update_my_profile', { p_full_name: 'Solo yo', p_locale: 'es' });
		expect((await row(other.id)).full_name).not.toBe('Solo yo');
		const { data } = await client.from('staff_members').update({ full_name: 'Otra' }).eq('user_id', other.id).select('user_id');
		expect(data ?? []).toEqual([]);
		const own = await client.from('staff_members').update({ role: 'admin' }).eq('user_id', me.id).select('user_id');
		expect(own.data ?? []).toEqual([]);
		expect((await row(me.id)).role).toBe('agent');
	});

	it('refuses anonymous callers, deactivated staff and bad values', async () => {
		const anon = await anonClient().rpc('update_my_profile', { p_full_name: 'Nadie', p_locale: 'es' });
		expect(anon.error?.code).toBe('42501');

		const gone = await staff('agent', false);
		const inactive = await (await signIn(gone.email, gone.password)).rpc('update_my_profile', { p_full_name: 'Fuera', p_locale: 'es' });
		expect(inactive.error?.code).toBe('42501');

		const me = await staff('agent');
		const client = await signIn(me.email, me.password);
		expect((await client.rpc('update_my_profile', { p_full_name: ' ', p_locale: 'es' })).error?.code).toBe('22023');
		expect((await client.rpc('update_my_profile', { p_full_name: 'Ana', p_locale: 'fr' })).error?.code).toBe('22023');
	});
});
