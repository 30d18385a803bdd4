// What the catalog says about a streamed table, read once per polled batch
// (RLS can be switched on at any time, so it is not cached for longer).
import type pg from 'pg';
import type { Relation } from './changes.ts';

export interface TableColumn {
	name: string;
	/** pg_type.typname, what the payload's `columns` carry (int4, text, _text, …). */
	typname: string;
	/** format_type() output, used to cast text values back to their type in SQL. */
	sqlType: string;
	isKey: boolean;
}

export interface TableInfo {
	relid: number;
	schema: string;
	table: string;
	rls: boolean;
	primaryKey: string[];
	columns: TableColumn[];
}

// Types come from the oids the WAL carried, so a column altered since still casts its old values.
const DESCRIBE_SQL = `
select c.relrowsecurity as rls,
	coalesce((
		select array_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum))
		from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
		where i.indrelid = c.oid and i.indisprimary
	), '{}') as primary_key,
	(
		select array_agg(json_build_object('typname', t.typname, 'sql', format_type(x.oid, x.typmod)) order by x.n)
		from unnest($2::oid[], $3::int4[]) with ordinality as x (oid, typmod, n)
		left join pg_type t on t.oid = x.oid
	) as types
from pg_class c
where c.oid = $1`;

export async function describeTable(db: pg.Pool, relation: Relation): Promise<TableInfo | null> {
	const { rows } = await db.query(DESCRIBE_SQL, [
		relation.relid,
		relation.columns.map((column) => column.typeOid),
		relation.columns.map((column) => column.typmod)
	]);
	if (!rows.length) return null;
	const types = rows[0].types as { typname: string | null; sql: string }[];
	return {
		relid: relation.relid,
		schema: relation.schema,
		table: relation.table,
		rls: rows[0].rls,
		primaryKey: rows[0].primary_key,
		columns: relation.columns.map((column, i) => ({
			name: column.name,
			typname: types[i]?.typname ?? 'text',
			sqlType: types[i]?.typname ? types[i].sql : 'text',
			isKey: column.isKey
		}))
	};
}

/** Catalog look-ups shared by every change of one batch. */
export class BatchCatalog {
	db: pg.Pool;
	tables = new Map<number, Promise<TableInfo | null>>();
	selectable = new Map<string, Promise<Set<string> | null>>();
	constructor(db: pg.Pool) {
		this.db = db;
	}
	table(relation: Relation): Promise<TableInfo | null> {
		let info = this.tables.get(relation.relid);
		if (!info) this.tables.set(relation.relid, (info = describeTable(this.db, relation)));
		return info;
	}
	/** The columns `role` may SELECT, or null when the role or table is gone. */
	selectableColumns(role: string, relid: number): Promise<Set<string> | null> {
		const key = `${role}\u0000${relid}`;
		let columns = this.selectable.get(key);
		if (!columns) {
			columns = this.db
				.query(
					`select attname::text as name from pg_attribute where attrelid = $1 and attnum > 0 and not attisdropped and has_column_privilege($2, $1, attnum, 'SELECT')`,
					[relid, role]
				)
				.then(({ rows }) => new Set(rows.map((row) => row.name as string)))
				.catch(() => null);
			this.selectable.set(key, columns);
		}
		return columns;
	}
}
