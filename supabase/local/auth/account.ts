// The signed-in user's own routes: GET/PUT /user and POST /logout.
import { objectField, stringField } from './body.ts';
import { badRequest, unprocessable } from './errors.ts';
import { requireUser } from './guards.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';
import { endSessions, type LogoutScope } from './tokens.ts';
import { metadataPatch, updateUser, type UserChanges } from './users.ts';
import { userJson } from './user-json.ts';
import { ok, type Handler } from './context.ts';

export const getUser: Handler = async (ctx, req) => {
	const { user } = await requireUser(ctx, req);
	return ok(userJson(user));
};

export const putUser: Handler = async (ctx, req) => {
	const { user, sessionId } = await requireUser(ctx, req);
	const body = await req.json();
	const changes: UserChanges = {};
	// Changing an address needs a confirmation email, which this server cannot send.
	const email = stringField(body, 'email');
	if (email !== undefined && email.trim().toLowerCase() !== (user.email ?? '').toLowerCase()) {
		throw unprocessable('validation_failed', 'Changing the email address is not supported by the local Auth server');
	}
	const phone = stringField(body, 'phone');
	if (phone !== undefined && phone !== (user.phone ?? '')) {
		throw unprocessable('validation_failed', 'Changing the phone number is not supported by the local Auth server');
	}
	const password = stringField(body, 'password');
	if (password !== undefined) {
		checkPasswordStrength(password);
		if (await verifyPassword(password, user.encrypted_password)) {
			throw unprocessable('same_password', 'New password should be different from the old password.');
		}
		changes.encryptedPassword = await hashPassword(password);
	}
	const data = objectField(body, 'data');
	if (data) changes.userMetadata = metadataPatch(data);
	const updated = (await updateUser(ctx.pool, user.id, changes)) ?? user;
	// As GoTrue's UpdatePassword: a new password signs out every other session.
	if (changes.encryptedPassword) await endSessions(ctx.pool, user.id, sessionId, 'others');
	return ok(userJson(updated));
};

const SCOPES: LogoutScope[] = ['global', 'local', 'others'];

export const logout: Handler = async (ctx, req) => {
	const scope = (req.url.searchParams.get('scope') || 'global') as LogoutScope;
	if (!SCOPES.includes(scope)) throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`);
	const { user, sessionId } = await requireUser(ctx, req);
	await endSessions(ctx.pool, user.id, sessionId, scope);
	return { status: 204 };
};
