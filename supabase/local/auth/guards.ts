// Who is calling: a signed-in user with a live session, or an admin (service_role) key.
import { forbidden } from './errors.ts';
import { bearerToken, verifyJwt } from './jwt.ts';
import { isUuid } from './db.ts';
import { findUserById } from './users.ts';
import type { AuthContext, RouteRequest } from './context.ts';
import type { UserRow } from './user-json.ts';

// GoTrue's default GOTRUE_JWT_ADMIN_ROLES.
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

export interface Caller {
	user: UserRow;
	/** null for tokens minted without a session (e.g. by hand with the JWT secret). */
	sessionId: string | null;
}

/** As GoTrue: a valid signature is not enough, the user and the token's session must still exist. */
export async function requireUser(ctx: AuthContext, req: RouteRequest): Promise<Caller> {
	const claims = await verifyJwt(ctx.config, bearerToken(req.headers));
	if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
	if (!isUuid(claims.sub)) throw forbidden('bad_jwt', 'invalid claim: sub claim must be a UUID');
	const user = await findUserById(ctx.pool, claims.sub);
	if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
	const sessionId = claims.session_id;
	if (sessionId === undefined || sessionId === null || sessionId === '') return { user, sessionId: null };
	const { rows } = isUuid(sessionId)
		? await ctx.pool.query('select 1 from auth.sessions where id = $1 and user_id = $2', [sessionId, user.id])
		: { rows: [] };
	if (rows.length === 0) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
	return { user, sessionId: sessionId as string };
}

export async function requireAdmin(ctx: AuthContext, req: RouteRequest): Promise<void> {
	const claims = await verifyJwt(ctx.config, bearerToken(req.headers));
	if (typeof claims.role !== 'string' || !ADMIN_ROLES.has(claims.role)) throw forbidden('not_admin', 'User not allowed');
}
