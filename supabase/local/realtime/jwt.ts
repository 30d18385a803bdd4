// JWT checks as Realtime makes them: HS256 with the project's secret, and the
// `role` and `exp` claims present (role decides what Postgres lets through).
import { jwtVerify, errors } from 'jose';

export type Claims = Record<string, unknown> & { role: string; exp: number };

export type TokenCheck = { ok: true; claims: Claims } | { ok: false; reason: string };

export async function verifyToken(token: unknown, secret: Uint8Array): Promise<TokenCheck> {
	if (typeof token !== 'string' || token === '') return { ok: false, reason: 'No token provided' };
	try {
		const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
		if (typeof payload.role !== 'string' || payload.role === '' || typeof payload.exp !== 'number') {
			return { ok: false, reason: 'Fields `role` and `exp` are required in JWT' };
		}
		return { ok: true, claims: payload as Claims };
	} catch (error) {
		if (error instanceof errors.JWTExpired) {
			const exp = Number((error.payload as { exp?: number }).exp);
			return { ok: false, reason: `Token has expired ${Math.max(0, Math.floor(Date.now() / 1000) - exp)} seconds ago` };
		}
		return { ok: false, reason: 'Invalid token' };
	}
}
