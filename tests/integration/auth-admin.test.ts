// The Auth admin API (service_role) through the real supabase-js client, and
// the account states password sign-in refuses.
import { describe, it, expect } from 'vitest';
import { anonClient, anonKey, apiUrl, serviceClient, serviceRoleKey, superuser } from './env.ts';

const newEmail = () => `${crypto.randomUUID()}@test.local`;
const PASSWORD = 'correct-horse-1';

async function createUser(attributes: Record<string, unknown> = {}) {
	const email = newEmail();
	const { data, error } = await serviceClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true, ...attributes });
	expect(error).toBeNull();
	return { email, user: data.user! };
}

describe('auth admin API', () => {
	it('creates a confirmed user with metadata and stores it with GoTrue columns', async () => {
		const { email, user } = await createUser({ user_metadata: { full_name: 'Ada' }, app_metadata: { staff_role: 'manager' } });
		expect(user).toMatchObject({
			email,
			aud: 'authenticated',
			role: 'authenticated',
			user_metadata: { full_name: 'Ada' },
			app_metadata: { provider: 'email', providers: ['email'], staff_role: 'manager' },
			is_anonymous: false
		});
		expect(Date.parse(user.email_confirmed_at!)).toBeGreaterThan(Date.now() - 60_000);
		const db = await superuser();
		try {
			const { rows } = await db.query('select instance_id, encrypted_password, raw_app_meta_data from auth.users where id = $1', [user.id]);
			expect(rows[0].instance_id).toBe('00000000-0000-0000-0000-000000000000');
			expect(rows[0].encrypted_password).toMatch(/^\$2a\$10\$.{53}$/);
			expect(rows[0].raw_app_meta_data).toEqual({ provider: 'email', providers: ['email'], staff_role: 'manager' });
		} finally {
			await db.end();
		}
	});

	it('refuses a second user with the same email, whatever its case', async () => {
		const { email } = await createUser();
		const { data, error } = await serviceClient().auth.admin.createUser({ email: email.toUpperCase(), password: PASSWORD });
		expect(data.user).toBeNull();
		expect(error).toMatchObject({
			status: 422,
			code: 'email_exists',
			message: 'A user with this email address has already been registered'
		});
	});

	it('refuses a weak password with its reasons', async () => {
		const { error } = await serviceClient().auth.admin.createUser({ email: newEmail(), password: '12345' });
		expect(error).toMatchObject({ status: 422, code: 'weak_password', reasons: ['length'] });
	});

	it('lists users page by page with the total from X-Total-Count', async () => {
		const created = [await createUser(), await createUser(), await createUser()].map(({ user }) => user.id);
		const admin = serviceClient().auth.admin;
		const first = await admin.listUsers({ page: 1, perPage: 2 });
		expect(first.error).toBeNull();
		expect(first.data.users).toHaveLength(2);
		expect(first.data).toMatchObject({ aud: 'authenticated', nextPage: 2 });
		const { total } = first.data as unknown as { total: number };
		expect(total).toBeGreaterThanOrEqual(3);
		// auth-js keeps only the first digit of each page number, so the Link header is checked raw.
		const raw = await fetch(`${apiUrl()}/auth/v1/admin/users?page=1&per_page=2`, { headers: { apikey: serviceRoleKey() } });
		expect(raw.headers.get('link')).toMatch(
			/^<http:\/\/[^>]+\/auth\/v1\/admin\/users\?page=2&per_page=2>; rel="next", <[^>]+\?page=(\d+)&per_page=2>; rel="last"$/
		);
		expect(Number(raw.headers.get('x-total-count'))).toBeGreaterThanOrEqual(total);
		const lastPage = Number(/page=(\d+)&per_page=2>; rel="last"/.exec(raw.headers.get('link')!)![1]);
		expect(lastPage).toBeGreaterThanOrEqual(Math.ceil(total / 2));
		// Other test files add users meanwhile; newer ones only push ours later, never skip them.
		const seen = new Set(first.data.users.map((user) => user.id));
		for (let page = 2; page <= lastPage + 2; page++) {
			const next = await admin.listUsers({ page, perPage: 2 });
			expect(next.data.users.length).toBeLessThanOrEqual(2);
			next.data.users.forEach((user) => seen.add(user.id));
		}
		expect(created.filter((id) => seen.has(id))).toEqual(created);
	});

	it('gets one user by id, and answers 404 user_not_found for an unknown one', async () => {
		const { user } = await createUser();
		const found = await serviceClient().auth.admin.getUserById(user.id);
		expect(found.data.user?.id).toBe(user.id);
		const missing = await serviceClient().auth.admin.getUserById(crypto.randomUUID());
		expect(missing.error).toMatchObject({ status: 404, code: 'user_not_found' });
	});

	it('deletes a user, who then cannot sign in', async () => {
		const { email, user } = await createUser();
		const { data, error } = await serviceClient().auth.admin.deleteUser(user.id);
		expect(error).toBeNull();
		// auth-js reads the user before deleting it and returns that copy.
		expect(data.user?.id).toBe(user.id);
		const signIn = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
		expect(signIn.error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
		const again = await serviceClient().auth.admin.deleteUser(user.id);
		expect(again.error).toMatchObject({ status: 404, code: 'user_not_found' });
	});

	it('answers the DELETE itself with 200 {}', async () => {
		const { user } = await createUser();
		const response = await fetch(`${apiUrl()}/auth/v1/admin/users/${user.id}`, {
			method: 'DELETE',
			headers: { apikey: serviceRoleKey(), 'content-type': 'application/json' },
			body: JSON.stringify({ should_soft_delete: false })
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({});
	});

	it('refuses admin calls made with the anon key or a user token: 403 not_admin', async () => {
		const { error } = await anonClient().auth.admin.listUsers();
		expect(error).toMatchObject({ status: 403, code: 'not_admin', message: 'User not allowed' });
		// supabase-js's admin client always sends its key, so the user-token case goes raw.
		const { email } = await createUser();
		const { data } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
		const response = await fetch(`${apiUrl()}/auth/v1/admin/users`, {
			headers: { apikey: anonKey(), authorization: `Bearer ${data.session!.access_token}`, 'x-supabase-api-version': '2024-01-01' }
		});
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ code: 'not_admin', message: 'User not allowed' });
	});

	it('updates metadata and bans through PUT /admin/users/{id}', async () => {
		const { email, user } = await createUser({ user_metadata: { a: 1, b: 2 } });
		const { data, error } = await serviceClient().auth.admin.updateUserById(user.id, {
			user_metadata: { b: null, c: 3 },
			ban_duration: '24h'
		});
		expect(error).toBeNull();
		expect(data.user?.user_metadata).toEqual({ a: 1, c: 3 });
		expect(Date.parse((data.user as { banned_until?: string }).banned_until!)).toBeGreaterThan(Date.now() + 23 * 3600_000);
		const signIn = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
		expect(signIn.error).toMatchObject({ status: 400, code: 'user_banned' });
	});
});

describe('password sign-in account states', () => {
	it('refuses an unconfirmed email with email_not_confirmed', async () => {
		const { email } = await createUser({ email_confirm: false });
		const { error } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
		expect(error).toMatchObject({ status: 400, code: 'email_not_confirmed', message: 'Email not confirmed' });
	});

	it("signs in a user whose hash came from pgcrypto's crypt(), as the seed makes them", async () => {
		const email = newEmail();
		const db = await superuser();
		try {
			await db.query(
				`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
				values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
					extensions.crypt($2, extensions.gen_salt('bf')), now(), '{"provider":"email","providers":["email"]}', '{}', now(), now())`,
				[email, PASSWORD]
			);
		} finally {
			await db.end();
		}
		const { data, error } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
		expect(error).toBeNull();
		expect(data.user?.email).toBe(email);
		expect(Date.parse(data.user!.last_sign_in_at!)).toBeGreaterThan(Date.now() - 60_000);
	});
});
