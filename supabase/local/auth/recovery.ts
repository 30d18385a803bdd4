// Password recovery as GoTrue does it (internal/api/recover.go, verify.go): POST /recover stores a one-time token's
// hash in auth.users.recovery_token and mails a link; POST /verify {type: 'recovery', token_hash} (supabase-js
// verifyOtp) or GET /verify?token=…&type=recovery (the mailed link) spends it and signs the person in.
//
// Differences from hosted Supabase, on purpose: the mail's link is GoTrue's default template unless the caller gave
// redirect_to, when it is the SSR template Supabase recommends, `{redirect_to}?token_hash={TokenHash}&type=recovery`
// (hosted projects set that template in the dashboard); redirect_to is not checked against an allow list; links
// live one hour (GoTrue's mailer.otp_exp default); one recovery mail per address per 60 s (GoTrue's
// smtp max_frequency), answered 429 over_email_send_rate_limit.
import { createHash, randomInt } from 'node:crypto';
import { stringField } from './body.ts';
import { AuthError, badRequest, forbidden } from './errors.ts';
import { startSession } from './tokens.ts';
import { findUserByEmail, recordSignIn } from './users.ts';
import { isBanned } from './user-json.ts';
import { issuerFor } from './grant.ts';
import { ok, type AuthContext, type Handler } from './context.ts';

const LINK_LIFETIME_SECONDS = 3600;
const RESEND_AFTER_SECONDS = 60;

/** GoTrue's token hash: hex SHA-224 of the e-mail address and the one-time code. */
const tokenHash = (email: string, otp: string) =>
	createHash('sha224')
		.update(email + otp)
		.digest('hex');

const otpExpired = () => forbidden('otp_expired', 'Email link is invalid or has expired');

export const recover: Handler = async (ctx, req) => {
	const body = await req.json();
	const email = stringField(body, 'email')?.trim().toLowerCase();
	if (!email) throw badRequest('validation_failed', 'Password recovery requires an email');
	const user = await findUserByEmail(ctx.pool, email);
	// As GoTrue: an unknown address gets the same empty answer, so the reply says nothing about who has an account.
	if (!user || isBanned(user)) return ok({});
	const otp = String(randomInt(0, 1_000_000)).padStart(6, '0');
	const hash = tokenHash(email, otp);
	const { rowCount } = await ctx.pool.query(
		`update auth.users set recovery_token = $2, recovery_sent_at = now(), updated_at = now()
		where id = $1 and (recovery_sent_at is null or recovery_sent_at < now() - make_interval(secs => $3))`,
		[user.id, hash, RESEND_AFTER_SECONDS]
	);
	if (!rowCount) {
		throw new AuthError(
			429,
			'over_email_send_rate_limit',
			`For security purposes, you can only request this after ${RESEND_AFTER_SECONDS} seconds.`
		);
	}
	const redirectTo = safeRedirect(req.url.searchParams.get('redirect_to'));
	const link = redirectTo
		? withParams(redirectTo, { token_hash: hash, type: 'recovery' })
		: `${req.externalUrl}/verify?token=${hash}&type=recovery`;
	await ctx.mail({
		to: email,
		subject: 'Reset Your Password',
		text: `Follow this link to reset the password for your user:\n${link}\n\nAlternatively, enter the code: ${otp}\n`
	});
	return ok({});
};

function safeRedirect(value: string | null): URL | null {
	if (!value) return null;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
	} catch {
		return null;
	}
}

function withParams(url: URL, params: Record<string, string>): string {
	const target = new URL(url);
	for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
	return target.toString();
}

/** Spends a recovery token hash: the user it belongs to, or otp_expired (unknown, used or older than an hour). */
async function spendRecovery(ctx: AuthContext, hash: string) {
	if (!/^[0-9a-f]{56}$/.test(hash)) throw otpExpired();
	const { rows } = await ctx.pool.query<{ id: string; email: string }>(
		`update auth.users set recovery_token = '', updated_at = now()
		where recovery_token = $1 and recovery_sent_at > now() - make_interval(secs => $2) and deleted_at is null
		returning id, email`,
		[hash, LINK_LIFETIME_SECONDS]
	);
	if (!rows[0]) throw otpExpired();
	// A recovered address is a confirmed one (GoTrue confirms it on recovery too).
	await ctx.pool.query('update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1', [rows[0].id]);
	const user = await recordSignIn(ctx.pool, rows[0].id);
	if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
	return user;
}

/** The token a request names: token_hash, or an e-mail with its six-digit code. */
function hashFrom(body: Record<string, unknown>): string {
	const given = stringField(body, 'token_hash');
	if (given) return given;
	const email = stringField(body, 'email')?.trim().toLowerCase();
	const token = stringField(body, 'token');
	if (email && token) return tokenHash(email, token.trim());
	throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
}

export const verifyPost: Handler = async (ctx, req) => {
	const body = await req.json();
	const type = stringField(body, 'type');
	if (type !== 'recovery') throw badRequest('validation_failed', `Verify type "${type ?? ''}" is not supported by the local Auth server`);
	const user = await spendRecovery(ctx, hashFrom(body));
	return ok(await startSession(ctx, issuerFor(ctx, req), user));
};

/** The mailed link: signs in and redirects to redirect_to with the session in the fragment (the implicit flow). */
export const verifyGet: Handler = async (ctx, req) => {
	const params = req.url.searchParams;
	if (params.get('type') !== 'recovery')
		throw badRequest('validation_failed', 'Only recovery links are supported by the local Auth server');
	const redirectTo = safeRedirect(params.get('redirect_to'));
	try {
		const user = await spendRecovery(ctx, params.get('token') ?? '');
		const session = await startSession(ctx, issuerFor(ctx, req), user);
		if (!redirectTo) return ok(session);
		const fragment = new URLSearchParams({
			access_token: session.access_token,
			token_type: 'bearer',
			expires_in: String(session.expires_in),
			expires_at: String(session.expires_at),
			refresh_token: session.refresh_token,
			type: 'recovery'
		});
		return { status: 303, headers: { location: `${redirectTo.toString().split('#')[0]}#${fragment}` } };
	} catch (error) {
		if (!(error instanceof AuthError) || !redirectTo) throw error;
		const fragment = new URLSearchParams({ error: 'access_denied', error_code: error.code, error_description: error.message });
		return { status: 303, headers: { location: `${redirectTo.toString().split('#')[0]}#${fragment}` } };
	}
};
