// Sessions and their single-use refresh tokens (auth.sessions, auth.refresh_tokens).
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { inTransaction } from './db.ts';
import { badRequest } from './errors.ts';
import { signAccessToken } from './jwt.ts';
import { findUserById } from './users.ts';
import { isBanned, userJson, type UserRow } from './user-json.ts';
import type { AuthContext } from './context.ts';

interface SessionRow {
	id: string;
	created_at: Date;
}

const newRefreshToken = () => randomBytes(24).toString('base64url');

async function insertRefreshToken(db: pg.PoolClient, user: UserRow, sessionId: string, parent: string | null): Promise<string> {
	const token = newRefreshToken();
	await db.query(
		`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
		values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
		[token, user.id, parent, sessionId]
	);
	return token;
}

async function sessionJson(ctx: AuthContext, issuer: string, user: UserRow, session: SessionRow, refreshToken: string) {
	const access = await signAccessToken(ctx.config, issuer, user, { id: session.id, signedInAt: session.created_at });
	return {
		access_token: access.token,
		token_type: 'bearer',
		expires_in: ctx.config.accessTokenTtlSeconds,
		expires_at: access.expiresAt,
		refresh_token: refreshToken,
		user: userJson(user)
	};
}

/** A new session after a successful sign-in. */
export async function startSession(ctx: AuthContext, issuer: string, user: UserRow) {
	const { session, token } = await inTransaction(ctx.pool, async (db) => {
		const { rows } = await db.query(
			`insert into auth.sessions (id, user_id, created_at, updated_at, aal) values (gen_random_uuid(), $1, now(), now(), 'aal1')
			returning id, created_at`,
			[user.id]
		);
		return { session: rows[0] as SessionRow, token: await insertRefreshToken(db, user, rows[0].id, null) };
	});
	return sessionJson(ctx, issuer, user, session, token);
}

const notFound = () => badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');

/**
 * Trades a refresh token for a new one, as GoTrue's token_refresh.go does. The row lock makes concurrent
 * uses of one token queue. A revoked token is still accepted when it is the parent of the session's active
 * token (the client lost the answer: it gets that active token back), or within the reuse interval of its
 * revocation (a server render and a browser, or two tabs, refreshing at once). Any other reuse is treated
 * as theft: every token of that session is revoked. A session older than its timebox refreshes no more.
 */
export async function rotateRefreshToken(ctx: AuthContext, issuer: string, token: string) {
	const outcome = await inTransaction(ctx.pool, async (db) => {
		const { rows } = await db.query(
			`select token.token, token.user_id, token.revoked, token.session_id,
				token.updated_at < now() - make_interval(secs => $2) as reuse_window_passed,
				session.created_at < now() - make_interval(secs => $3) as session_expired
			from auth.refresh_tokens as token join auth.sessions as session on session.id = token.session_id
			where token.token = $1 for update of token`,
			[token, ctx.config.refreshTokenReuseIntervalSeconds, ctx.config.sessionTimeboxSeconds]
		);
		const current = rows[0];
		if (!current) return { error: notFound() };
		if (current.session_expired) return { error: badRequest('session_expired', 'Invalid Refresh Token: Session Expired') };
		let issued: string | null = null;
		if (current.revoked) {
			const active = await db.query(
				'select token, parent from auth.refresh_tokens where session_id = $1 and not revoked order by id desc limit 1',
				[current.session_id]
			);
			if (active.rows[0]?.parent === token) issued = active.rows[0].token;
			else if (current.reuse_window_passed) {
				// The whole session goes (its tokens by cascade): no token of it may start a reuse window again.
				await db.query('delete from auth.sessions where id = $1', [current.session_id]);
				return { error: badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used') };
			}
		}
		const user = await findUserById(db, current.user_id);
		if (!user) return { error: notFound() };
		if (isBanned(user)) return { error: badRequest('user_banned', 'User is banned') };
		if (!issued) {
			if (!current.revoked) await db.query('update auth.refresh_tokens set revoked = true, updated_at = now() where token = $1', [token]);
			issued = await insertRefreshToken(db, user, current.session_id, token);
		}
		const session = await db.query('update auth.sessions set updated_at = now() where id = $1 returning id, created_at', [current.session_id]);
		return { user, session: session.rows[0] as SessionRow, next: issued };
	});
	// Thrown after the commit, so the revocation of a reused token's session sticks.
	if ('error' in outcome) throw outcome.error;
	return sessionJson(ctx, issuer, outcome.user, outcome.session, outcome.next);
}

export type LogoutScope = 'global' | 'local' | 'others';

/** Deleting a session deletes its refresh tokens too (on delete cascade), so they can never be used again. */
export async function endSessions(db: pg.Pool, userId: string, sessionId: string | null, scope: LogoutScope) {
	if (scope === 'global') await db.query('delete from auth.sessions where user_id = $1', [userId]);
	else if (scope === 'local') await db.query('delete from auth.sessions where id = $1', [sessionId]);
	else await db.query('delete from auth.sessions where user_id = $1 and id is distinct from $2::uuid', [userId, sessionId]);
}
