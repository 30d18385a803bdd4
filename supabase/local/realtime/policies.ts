// Realtime Authorization for private channels, decided by RLS on realtime.messages as
// hosted Realtime decides it (lib/realtime/tenants/authorization.ex there): with the
// subscriber's role, claims and realtime.topic() set, a row it may read means it may join,
// a row it may insert means it may send. Every check runs in a transaction rolled back.
import type pg from 'pg';
import type { Claims } from './jwt.ts';

export interface AuthContext {
	/** The channel name without `realtime:`, what realtime.topic() answers. */
	topic: string;
	claims: Claims;
}

export interface ReadPolicies {
	broadcast: boolean;
	presence: boolean;
}

const SET_CONTEXT = `select set_config('role', $1, true), set_config('realtime.topic', $2, true),
	set_config('request.jwt.claims', $3, true), set_config('request.headers', '{}', true)`;
// A policy that hangs must not hold a join (or a pool connection) for long.
const CHECK_TIMEOUT = `set local statement_timeout = '5s'`;

async function rolledBack<T>(db: pg.Pool, check: (client: pg.PoolClient) => Promise<T>): Promise<T> {
	const client = await db.connect();
	try {
		await client.query('begin');
		await client.query(CHECK_TIMEOUT);
		return await check(client);
	} finally {
		await client.query('rollback').catch(() => {});
		client.release();
	}
}

const contextParams = ({ topic, claims }: AuthContext) => [claims.role, topic, JSON.stringify(claims)];

/** What the subscriber may read on the topic; the rows are written as the server, then read as the subscriber. */
export function readPolicies(db: pg.Pool, context: AuthContext): Promise<ReadPolicies> {
	return rolledBack(db, async (client) => {
		const { rows } = await client.query<{ id: string; extension: string }>(
			`insert into realtime.messages (topic, extension) values ($1, 'broadcast'), ($1, 'presence') returning id, extension`,
			[context.topic]
		);
		await client.query(SET_CONTEXT, contextParams(context));
		const { rows: visible } = await client.query<{ extension: string }>(
			`select extension from realtime.messages where topic = $1 and id = any($2::uuid[])`,
			[context.topic, rows.map((row) => row.id)]
		);
		const seen = new Set(visible.map((row) => row.extension));
		return { broadcast: seen.has('broadcast'), presence: seen.has('presence') };
	});
}

/** Whether the subscriber may send broadcasts on the topic (the INSERT policy). */
export function mayBroadcast(db: pg.Pool, context: AuthContext): Promise<boolean> {
	return rolledBack(db, async (client) => {
		await client.query(SET_CONTEXT, contextParams(context));
		try {
			await client.query(`insert into realtime.messages (topic, extension) values ($1, 'broadcast')`, [context.topic]);
			return true;
		} catch (error) {
			// 42501: a row-level security violation, or no INSERT privilege at all.
			if ((error as { code?: string }).code === '42501') return false;
			throw error;
		}
	});
}
