// HS256 JWTs: GoTrue's access tokens, and checking any Bearer token it is sent.
import type { IncomingHttpHeaders } from 'node:http';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import { AuthError, forbidden } from './errors.ts';
import type { AuthConfig } from './context.ts';
import { roleOf, type UserRow } from './user-json.ts';

export interface AccessTokenSession {
	id: string;
	/** When the password was checked: GoTrue's amr timestamp. */
	signedInAt: Date;
}

export interface AccessToken {
	token: string;
	expiresAt: number;
}

export async function signAccessToken(
	config: AuthConfig,
	issuer: string,
	user: UserRow,
	session: AccessTokenSession
): Promise<AccessToken> {
	const iat = Math.floor(Date.now() / 1000);
	const exp = iat + config.accessTokenTtlSeconds;
	const claims = {
		iss: issuer,
		sub: user.id,
		aud: 'authenticated',
		exp,
		iat,
		email: user.email ?? '',
		phone: user.phone ?? '',
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		role: roleOf(user),
		aal: 'aal1',
		amr: [{ method: 'password', timestamp: Math.floor(session.signedInAt.getTime() / 1000) }],
		session_id: session.id,
		is_anonymous: user.is_anonymous
	};
	const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(config.secret);
	return { token, expiresAt: exp };
}

/** The Bearer token; GoTrue answers 401 no_authorization without one. */
export function bearerToken(headers: IncomingHttpHeaders): string {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
	if (!match) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
	return match[1];
}

/** Signature, algorithm and expiry (no clock skew, as GoTrue); any failure is 403 bad_jwt. */
export async function verifyJwt(config: AuthConfig, token: string): Promise<JWTPayload> {
	try {
		const { payload } = await jwtVerify(token, config.secret, { algorithms: ['HS256'] });
		return payload;
	} catch (error) {
		const reason =
			(error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'token has invalid claims: token is expired' : 'signature is invalid';
		throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${reason}`);
	}
}
