// POST /token: the password and refresh_token grants (GoTrue's token.go).
import { stringField } from './body.ts';
import { AuthError, badRequest, invalidCredentials } from './errors.ts';
import { spendPasswordCheck, verifyPassword } from './passwords.ts';
import { SlidingWindowLimit } from '../../../src/lib/server/sliding-window.ts';
import { rotateRefreshToken, startSession } from './tokens.ts';
import { findUserByEmail, recordSignIn } from './users.ts';
import { isBanned } from './user-json.ts';
import { ok, type AuthContext, type Handler, type RouteRequest } from './context.ts';

export const issuerFor = (ctx: AuthContext, req: RouteRequest) => ctx.config.issuer ?? req.externalUrl;

// GoTrue limits sign-in attempts per address (rate_limit.sign_in_sign_ups, 30 per 5 minutes); this stand-in
// counts failures only (100 per address, 10 per e-mail, per 5 minutes), so a test suite signing in from 127.0.0.1 passes.
const byAddress = new SlidingWindowLimit({ maxEvents: 100, windowMs: 5 * 60_000 });
const byEmail = new SlidingWindowLimit({ maxEvents: 10, windowMs: 5 * 60_000 });

/** The caller's address as the gateway saw it (it overwrites X-Forwarded-For), else the socket's. */
function callerAddress(req: RouteRequest): string {
	const forwarded = req.headers['x-forwarded-for'];
	const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
	return first || 'unknown';
}

function overRequestRateLimit(retryAfterMs: number) {
	const retryAfter = String(Math.ceil(retryAfterMs / 1000));
	return new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached', {}, { 'retry-after': retryAfter });
}

async function passwordGrant(ctx: AuthContext, req: RouteRequest) {
	const body = await req.json();
	const email = stringField(body, 'email');
	const password = stringField(body, 'password') ?? '';
	if (!email) {
		if (stringField(body, 'phone')) throw badRequest('phone_provider_disabled', 'Phone logins are not supported by the local Auth server');
		throw badRequest('validation_failed', 'missing email or phone');
	}
	const address = callerAddress(req);
	const emailKey = email.trim().toLowerCase();
	const wait = Math.max(byAddress.retryAfterMs(address), byEmail.retryAfterMs(emailKey));
	if (wait > 0) throw overRequestRateLimit(wait);
	const user = await findUserByEmail(ctx.pool, email);
	// The password is checked before anything else about the account, so a wrong password says
	// nothing about whether the address is registered, banned or confirmed; an unknown user costs
	// the same bcrypt comparison, so the time taken says nothing either.
	const matches = user ? await verifyPassword(password, user.encrypted_password) : await spendPasswordCheck(password);
	if (!user || !matches) {
		byAddress.record(address);
		byEmail.record(emailKey);
		throw invalidCredentials();
	}
	byEmail.clear(emailKey);
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
