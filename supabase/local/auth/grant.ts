// POST /token: the password and refresh_token grants (GoTrue's token.go).
import { stringField } from './body.ts';
import { badRequest, invalidCredentials } from './errors.ts';
import { verifyPassword } from './passwords.ts';
import { rotateRefreshToken, startSession } from './tokens.ts';
import { findUserByEmail, recordSignIn } from './users.ts';
import { isBanned } from './user-json.ts';
import { ok, type AuthContext, type Handler, type RouteRequest } from './context.ts';

export const issuerFor = (ctx: AuthContext, req: RouteRequest) => ctx.config.issuer ?? req.externalUrl;

async function passwordGrant(ctx: AuthContext, req: RouteRequest) {
	const body = await req.json();
	const email = stringField(body, 'email');
	const password = stringField(body, 'password') ?? '';
	if (!email) {
		if (stringField(body, 'phone')) throw badRequest('phone_provider_disabled', 'Phone logins are not supported by the local Auth server');
		throw badRequest('validation_failed', 'missing email or phone');
	}
	const user = await findUserByEmail(ctx.pool, email);
	// The password is checked before anything else about the account, so a wrong
	// password says nothing about whether the address is registered, banned or confirmed.
	if (!user || !(await verifyPassword(password, user.encrypted_password))) throw invalidCredentials();
	if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
	if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
	const signedIn = await recordSignIn(ctx.pool, user.id);
	return ok(await startSession(ctx, issuerFor(ctx, req), signedIn));
}

async function refreshGrant(ctx: AuthContext, req: RouteRequest) {
	const token = stringField(await req.json(), 'refresh_token');
	if (!token) throw badRequest('validation_failed', 'refresh_token required');
	return ok(await rotateRefreshToken(ctx, issuerFor(ctx, req), token));
}

export const token: Handler = async (ctx, req) => {
	const grantType = req.url.searchParams.get('grant_type');
	if (grantType === 'password') return passwordGrant(ctx, req);
	if (grantType === 'refresh_token') return refreshGrant(ctx, req);
	throw badRequest('validation_failed', 'unsupported_grant_type');
};
