// Turns decoded WAL tuples into the payload the real server sends: values
// typed as to_json gives them (wal2json + realtime.cast do the same), only
// the columns the subscriber's role may SELECT.
import pg from 'pg';
import type { TupleValue } from './pgoutput.ts';
import type { TableInfo } from './catalog.ts';
import type { Change } from './changes.ts';

/** Column name → text value; a column missing here was not sent (unchanged TOAST, or not in the key). */
export type TextRow = Map<string, string | null>;

export function textRow(info: TableInfo, tuple: TupleValue[], keyOnly = false): TextRow {
	const row: TextRow = new Map();
	info.columns.forEach((column, i) => {
		const value = tuple[i];
		if (value === undefined || (keyOnly && !column.isKey)) return;
		row.set(column.name, value);
	});
	return row;
}

/** Casts each text value to its column type in Postgres, so dates, numbers, json and arrays come out as the real server sends them. */
export async function typedRecord(
	db: pg.Pool,
	info: TableInfo,
	row: TextRow,
	log: (line: string) => void
): Promise<Record<string, unknown>> {
	const names = [...row.keys()];
	if (!names.length) return {};
	const types = new Map(info.columns.map((column) => [column.name, column.sqlType]));
	const fields = names.map((name, i) => `$${i + 1}::text::${types.get(name)} as ${pg.escapeIdentifier(name)}`);
	try {
		const { rows } = await db.query(`select row_to_json(r) as record from (select ${fields.join(', ')}) r`, [...row.values()]);
		return rows[0].record;
	} catch (error) {
		log(`[realtime] could not type a ${info.schema}.${info.table} row, sending text: ${(error as Error).message}`);
		return Object.fromEntries(row);
	}
}

function pick(record: Record<string, unknown>, keep: (name: string) => boolean): Record<string, unknown> {
	return Object.fromEntries(Object.entries(record).filter(([name]) => keep(name)));
}

export interface Records {
	record: Record<string, unknown> | null;
	oldRecord: Record<string, unknown> | null;
}

/** The `data` of one postgres_changes message for one subscriber. */
export function changeData(info: TableInfo, change: Change, records: Records, visible: (name: string) => boolean): Record<string, unknown> {
	const data: Record<string, unknown> = {
		schema: info.schema,
		table: info.table,
		commit_timestamp: change.commitTime.toISOString(),
		type: change.type,
		columns: info.columns.filter((column) => visible(column.name)).map((column) => ({ name: column.name, type: column.typname }))
	};
	if (change.type !== 'DELETE') data.record = pick(records.record ?? {}, visible);
	if (change.type !== 'INSERT') {
		// A delete cannot be checked against RLS, so with RLS on only its key is told.
		const keyOnly = change.type === 'DELETE' && info.rls;
		data.old_record = pick(records.oldRecord ?? {}, (name) => visible(name) && (!keyOnly || info.primaryKey.includes(name)));
	}
	data.errors = null;
	return data;
}

/** What the real server sends for a table it cannot check: no row at all. */
export function errorData(info: TableInfo, change: Change, error: string): Record<string, unknown> {
	return {
		schema: info.schema,
		table: info.table,
		commit_timestamp: change.commitTime.toISOString(),
		type: change.type,
		columns: [],
		errors: [error]
	};
}
