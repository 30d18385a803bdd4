// Per-subscriber access to one change, decided by Postgres as the real
// server's apply_rls does: the subscriber's role must be able to SELECT the
// primary key, and for INSERT/UPDATE on a table with RLS the row must be
// visible to that role with those JWT claims.
import pg from 'pg';
import type { BatchCatalog, TableInfo } from './catalog.ts';
import type { Claims } from './jwt.ts';

/**
 * One simple-protocol round trip: its statements run as one implicit
 * transaction, so the local role and claims end with it, even on error.
 */
function rlsCheckSql(info: TableInfo, claims: Claims, key: Record<string, string>): string {
	const table = `${pg.escapeIdentifier(info.schema)}.${pg.escapeIdentifier(info.table)}`;
	const types = new Map(info.columns.map((column) => [column.name, column.sqlType]));
	const where = info.primaryKey
		.map((name) => `${pg.escapeIdentifier(name)} = ${pg.escapeLiteral(key[name])}::${types.get(name) ?? 'text'}`)
		.join(' and ');
	return [
		`select set_config('role', ${pg.escapeLiteral(claims.role)}, true), set_config('request.jwt.claims', ${pg.escapeLiteral(JSON.stringify(claims))}, true)`,
		`select exists (select 1 from ${table} where ${where}) as visible`
	].join(';\n');
}

async function rowVisible(
	db: pg.Pool,
	info: TableInfo,
	claims: Claims,
	key: Record<string, string>,
	log: (line: string) => void
): Promise<boolean> {
	try {
		const results = (await db.query(rlsCheckSql(info, claims, key))) as unknown as pg.QueryResult[];
		return results[1]?.rows[0]?.visible === true;
	} catch (error) {
		log(`[realtime] RLS check on ${info.schema}.${info.table} as ${claims.role} failed: ${(error as Error).message}`);
		return false;
	}
}

export interface Access {
	/** Columns the subscriber's role may SELECT; others are left out of the payload. */
	selectable: Set<string>;
}

/**
 * Null means deliver nothing. `key` holds the primary key's text values of
 * the row as it now is (the new row for INSERT/UPDATE).
 */
export async function authorize(
	db: pg.Pool,
	catalog: BatchCatalog,
	info: TableInfo,
	type: 'INSERT' | 'UPDATE' | 'DELETE',
	claims: Claims,
	key: Record<string, string>,
	log: (line: string) => void
): Promise<Access | null> {
	const selectable = await catalog.selectableColumns(claims.role, info.relid);
	if (!selectable || !info.primaryKey.some((name) => selectable.has(name))) return null;
	// Deletes cannot be checked against a row that is gone; their payload keeps only the key.
	if (info.rls && type !== 'DELETE' && !(await rowVisible(db, info, claims, key, log))) return null;
	return { selectable };
}
