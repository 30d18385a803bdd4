// The service_role API under /admin/users (GoTrue's admin.go).
import { booleanField, objectField, stringField } from './body.ts';
import { badRequest, unprocessable, userNotFound } from './errors.ts';
import { requireAdmin } from './guards.ts';
import { checkPasswordStrength, hashPassword } from './passwords.ts';
import { banUntil } from './ban.ts';
import { endSessions } from './tokens.ts';
import { deleteUser, emailTaken, findUserById, insertUser, listUsers, metadataPatch, updateUser, type UserChanges } from './users.ts';
import { userJson } from './user-json.ts';
import { ok, type Handler } from './context.ts';

// GoTrue's format check (badoux/checkmail's pattern, as internal/api/mail.go uses it), and its 255-character cap.
const EMAIL =
	/^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const emailExists = () => unprocessable('email_exists', 'A user with this email address has already been registered');

// Two writes racing past emailTaken: the unique index decides.
function uniqueEmail(error: { code?: string }): never {
	if (error.code === '23505') throw emailExists();
	throw error;
}

function validEmail(email: string | undefined): string {
	if (!email || email.trim().length > 255 || !EMAIL.test(email.trim())) {
		throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
	}
	return email.trim();
}

async function passwordHash(password: string | undefined): Promise<string | undefined> {
	if (password === undefined) return undefined;
	checkPasswordStrength(password);
	return hashPassword(password);
}

export const createUser: Handler = async (ctx, req) => {
	await requireAdmin(ctx, req);
	const body = await req.json();
	if (stringField(body, 'phone')) throw unprocessable('phone_provider_disabled', 'Phone users are not supported by the local Auth server');
	const email = validEmail(stringField(body, 'email'));
	const encryptedPassword = (await passwordHash(stringField(body, 'password'))) ?? '';
	const ban = stringField(body, 'ban_duration');
	if (await emailTaken(ctx.pool, email)) throw emailExists();
	const user = await insertUser(ctx.pool, {
		email,
		encryptedPassword,
		emailConfirmed: booleanField(body, 'email_confirm') ?? false,
		// Given app_metadata cannot drop the provider fields GoTrue always sets.
		appMetadata: { ...objectField(body, 'app_metadata'), provider: 'email', providers: ['email'] },
		userMetadata: objectField(body, 'user_metadata') ?? {},
		bannedUntil: ban ? banUntil(ban) : null
	}).catch(uniqueEmail);
	return ok(userJson(user));
};

const MAX_PAGE_PARAM = 1_000_000;

function pageParam(value: string | null, fallback: number): number {
	if (!value) return fallback;
	const number = /^\d+$/.test(value) ? Number(value) : NaN;
	// Capped so (page - 1) * per_page stays an exact integer that Postgres accepts as an offset.
	if (!Number.isInteger(number) || number < 1 || number > MAX_PAGE_PARAM) throw badRequest('validation_failed', 'Bad Pagination Parameters');
	return number;
}

export const listAllUsers: Handler = async (ctx, req) => {
	await requireAdmin(ctx, req);
	const page = pageParam(req.url.searchParams.get('page'), 1);
	const perPage = pageParam(req.url.searchParams.get('per_page'), 50);
	const { users, total } = await listUsers(ctx.pool, page, perPage);
	const lastPage = Math.ceil(total / perPage);
	// auth-js reads the page number right after the first '=', so page comes first.
	const link = (to: number, rel: string) => `<${req.externalUrl}/admin/users?page=${to}&per_page=${perPage}>; rel="${rel}"`;
	const links = page < lastPage ? [link(page + 1, 'next'), link(lastPage, 'last')] : [link(lastPage, 'last')];
	return ok({ users: users.map(userJson), aud: 'authenticated' }, { 'x-total-count': String(total), link: links.join(', ') });
};

export const getUserById: Handler = async (ctx, req) => {
	await requireAdmin(ctx, req);
	const user = await findUserById(ctx.pool, req.params.id);
	if (!user) throw userNotFound();
	return ok(userJson(user));
};

export const updateUserById: Handler = async (ctx, req) => {
	await requireAdmin(ctx, req);
	const user = await findUserById(ctx.pool, req.params.id);
	if (!user) throw userNotFound();
	const body = await req.json();
	const changes: UserChanges = { emailConfirmed: booleanField(body, 'email_confirm') };
	const email = stringField(body, 'email');
	if (email !== undefined) {
		changes.email = validEmail(email);
		if (await emailTaken(ctx.pool, changes.email, user.id)) throw emailExists();
	}
	changes.encryptedPassword = await passwordHash(stringField(body, 'password'));
	const userMetadata = objectField(body, 'user_metadata');
	if (userMetadata) changes.userMetadata = metadataPatch(userMetadata);
	const appMetadata = objectField(body, 'app_metadata');
	if (appMetadata) changes.appMetadata = metadataPatch(appMetadata);
	const ban = stringField(body, 'ban_duration');
	if (ban) changes.bannedUntil = banUntil(ban);
	const updated = await updateUser(ctx.pool, user.id, changes).catch(uniqueEmail);
	if (!updated) throw userNotFound();
	// A new password or a ban ends every session, as in GoTrue.
	if (changes.encryptedPassword || changes.bannedUntil) await endSessions(ctx.pool, user.id, null, 'global');
	return ok(userJson(updated));
};

export const deleteUserById: Handler = async (ctx, req) => {
	await requireAdmin(ctx, req);
	// should_soft_delete is accepted but ignored: the row is always removed.
	await req.json();
	if (!(await deleteUser(ctx.pool, req.params.id))) throw userNotFound();
	return ok({});
};
