// The people RLS tests act as: the seeded demo staff (supabase/seed.sql) and
// throwaway users, each signed in for real through Auth with supabase-js.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import type { Database } from '../../src/lib/database.types.ts';
import { anonClient, serviceClient, superuser } from './env.ts';

export { anonClient, serviceClient };

export type Client = SupabaseClient<Database>;

export const DEMO_PASSWORD = 'demo-password';

/** The seeded logins, with the fixed ids the seed gives them. */
export const demoStaff = {
	admin: { id: 'a0000000-0000-4000-8000-000000000001', email: 'admin@demo.local' },
	manager: { id: 'a0000000-0000-4000-8000-000000000002', email: 'manager@demo.local' },
	quality: { id: 'a0000000-0000-4000-8000-000000000003', email: 'quality@demo.local' },
	agent: { id: 'a0000000-0000-4000-8000-000000000004', email: 'agent@demo.local' },
	accountManager: { id: 'a0000000-0000-4000-8000-000000000005', email: 'account@demo.local' },
	otherAccountManager: { id: 'a0000000-0000-4000-8000-000000000006', email: 'account2@demo.local' }
} as const;

/** A client holding the session of `email`, signed in with its password. */
export async function signIn(email: string, password = DEMO_PASSWORD): Promise<Client> {
	const client = anonClient();
	const { data, error } = await client.auth.signInWithPassword({ email, password });
	if (error || !data.session) throw new Error(`sign-in as ${email} failed: ${error?.message ?? 'no session'}`);
	return client;
}

export interface TestUser {
	id: string;
	email: string;
	password: string;
}

/** A confirmed Auth user with a unique email, made through the Auth admin API. */
export async function createTestUser(label: string): Promise<TestUser> {
	const user = { email: `${label}-${randomUUID()}@test.local`, password: `pw-${randomUUID()}` };
	const { data, error } = await serviceClient().auth.admin.createUser({ ...user, email_confirm: true });
	if (error || !data.user) throw new Error(`could not create ${user.email}: ${error?.message}`);
	return { ...user, id: data.user.id };
}

// One statement for all of them; their staff rows and sessions go by cascade.
export async function deleteTestUsers(users: TestUser[]): Promise<void> {
	const db = await superuser();
	try {
		await db.query('delete from auth.users where id = any ($1::uuid[])', [users.map((user) => user.id)]);
	} finally {
		await db.end();
	}
}

/** Makes `user` a staff member, as an admin would, straight in the database. */
export async function enrolStaff(
	db: pg.Client,
	user: TestUser,
	role: Database['public']['Enums']['staff_role'],
	active = true
): Promise<void> {
	await db.query('insert into public.staff_members (user_id, full_name, email, role, active) values ($1, $2, $3, $4, $5)', [
		user.id,
		`Persona de prueba ${user.email.slice(0, 8)}`,
		user.email,
		role,
		active
	]);
}
