// Queries on auth.users, with GoTrue's column names and defaults.
import type pg from 'pg';
import { isUuid } from './db.ts';
import { USER_COLUMNS, type UserRow } from './user-json.ts';

type Db = pg.Pool | pg.PoolClient;

// GoTrue's single-tenant instance id.
const INSTANCE_ID = '00000000-0000-0000-0000-000000000000';

/** GoTrue's metadata update: keys with null values are removed, the others set. */
export interface MetadataPatch {
	set: Record<string, unknown>;
	remove: string[];
}

export function metadataPatch(data: Record<string, unknown>): MetadataPatch {
	const entries = Object.entries(data);
	return {
		set: Object.fromEntries(entries.filter(([, value]) => value !== null)),
		remove: entries.filter(([, value]) => value === null).map(([key]) => key)
	};
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
	if (!isUuid(id)) return null;
	const { rows } = await db.query(`select ${USER_COLUMNS} from auth.users where id = $1`, [id]);
	return rows[0] ?? null;
}

/** Case-insensitive, as GoTrue looks emails up; soft-deleted and SSO users are not password users. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
	const { rows } = await db.query(
		`select ${USER_COLUMNS} from auth.users
		where lower(email) = lower($1) and deleted_at is null and is_sso_user = false
		order by created_at limit 1`,
		[email.trim()]
	);
	return rows[0] ?? null;
}

export async function emailTaken(db: Db, email: string, exceptId?: string): Promise<boolean> {
	const { rows } = await db.query(
		`select 1 from auth.users where lower(email) = lower($1) and is_sso_user = false and id is distinct from $2::uuid`,
		[email.trim(), exceptId ?? null]
	);
	return rows.length > 0;
}

export interface NewUser {
	email: string;
	encryptedPassword: string;
	emailConfirmed: boolean;
	userMetadata: Record<string, unknown>;
	appMetadata: Record<string, unknown>;
	bannedUntil: Date | null;
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
	// Token columns get '' rather than null: GoTrue scans them into Go strings.
	const { rows } = await db.query(
		`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
			raw_app_meta_data, raw_user_meta_data, is_super_admin, created_at, updated_at, banned_until,
			confirmation_token, recovery_token, email_change_token_new, email_change)
		values ($1, gen_random_uuid(), 'authenticated', 'authenticated', $2, $3, case when $4 then now() end,
			$5, $6, false, now(), now(), $7, '', '', '', '')
		returning ${USER_COLUMNS}`,
		[
			INSTANCE_ID,
			user.email.trim().toLowerCase(),
			user.encryptedPassword,
			user.emailConfirmed,
			user.appMetadata,
			user.userMetadata,
			user.bannedUntil
		]
	);
	return rows[0];
}

export interface UserChanges {
	email?: string;
	encryptedPassword?: string;
	emailConfirmed?: boolean;
	userMetadata?: MetadataPatch;
	appMetadata?: MetadataPatch;
	/** null lifts a ban. */
	bannedUntil?: Date | null;
}

export async function updateUser(db: Db, id: string, changes: UserChanges): Promise<UserRow | null> {
	if (!isUuid(id)) return null;
	const values: unknown[] = [id];
	const param = (value: unknown) => `$${values.push(value)}`;
	const sets = ['updated_at = now()'];
	if (changes.email !== undefined) sets.push(`email = ${param(changes.email.trim().toLowerCase())}`);
	if (changes.encryptedPassword !== undefined) sets.push(`encrypted_password = ${param(changes.encryptedPassword)}`);
	if (changes.emailConfirmed) sets.push('email_confirmed_at = coalesce(email_confirmed_at, now())');
	if (changes.bannedUntil !== undefined) sets.push(`banned_until = ${param(changes.bannedUntil)}`);
	for (const [column, patch] of [
		['raw_user_meta_data', changes.userMetadata],
		['raw_app_meta_data', changes.appMetadata]
	] as const) {
		if (patch) sets.push(`${column} = (coalesce(${column}, '{}') || ${param(patch.set)}::jsonb) - ${param(patch.remove)}::text[]`);
	}
	const { rows } = await db.query(`update auth.users set ${sets.join(', ')} where id = $1 returning ${USER_COLUMNS}`, values);
	return rows[0] ?? null;
}

export async function recordSignIn(db: Db, id: string): Promise<UserRow> {
	const { rows } = await db.query(`update auth.users set last_sign_in_at = now() where id = $1 returning ${USER_COLUMNS}`, [id]);
	return rows[0];
}

/** Sessions and their refresh tokens go with the user (on delete cascade). */
export async function deleteUser(db: Db, id: string): Promise<boolean> {
	if (!isUuid(id)) return false;
	const { rowCount } = await db.query('delete from auth.users where id = $1', [id]);
	return rowCount === 1;
}

export async function listUsers(db: Db, page: number, perPage: number): Promise<{ users: UserRow[]; total: number }> {
	// Newest first, as GoTrue's admin list sorts by default; id breaks ties so pages never overlap.
	const [list, count] = await Promise.all([
		db.query(`select ${USER_COLUMNS} from auth.users order by created_at desc nulls last, id desc limit $1 offset $2`, [
			perPage,
			(page - 1) * perPage
		]),
		db.query('select count(*)::int as total from auth.users')
	]);
	return { users: list.rows, total: count.rows[0].total };
}
