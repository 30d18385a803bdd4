// The Auth server's own superuser pool, and transactions on it.
import pg from 'pg';

export function createPool(dbUrl: string, log: (line: string) => void): pg.Pool {
	const pool = new pg.Pool({ connectionString: dbUrl, max: 10, application_name: 'local-auth' });
	// An idle client losing its connection (e.g. Postgres stopping first) must not crash the process.
	pool.on('error', (error) => log(`auth: idle database connection failed: ${error.message}`));
	return pool;
}

export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
	const client = await pool.connect();
	try {
		await client.query('begin');
		const result = await work(client);
		await client.query('commit');
		return result;
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		client.release();
	}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked before querying, so a malformed id is "not found" instead of a Postgres cast error (500). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
