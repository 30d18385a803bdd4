// The postgres_changes bindings of a phx_join: parsed, given integer ids, and
// checked against the catalog before the join is answered, so a client that
// sees SUBSCRIBED is already receiving changes.
import pg from 'pg';
import { parseFilter, conditionSql, type Condition } from './filter.ts';

export type ChangeEvent = '*' | 'INSERT' | 'UPDATE' | 'DELETE';

export interface Binding {
	id: number;
	event: ChangeEvent;
	schema: string;
	/** Null listens to every table of the schema. */
	table: string | null;
	conditions: Condition[];
	/** Columns the client asked for; null for all it may see. */
	select: string[] | null;
	/** The binding as the client sent it, plus its id: the join reply echoes these in order. */
	echo: Record<string, unknown>;
}

const EVENTS = new Set(['*', 'INSERT', 'UPDATE', 'DELETE']);

/** A positive 27-bit hash of the binding (the real server uses erlang:phash2, also an integer). */
function bindingId(parts: unknown[], taken: Set<number>): number {
	let hash = 0x811c9dc5;
	for (const char of JSON.stringify(parts)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
	let id = (hash >>> 0) & 0x7ffffff || 1;
	while (taken.has(id)) id = (id + 1) & 0x7ffffff || 1;
	taken.add(id);
	return id;
}

function optionalString(value: unknown, field: string): string | null {
	if (value === undefined || value === null || value === '') return null;
	if (typeof value !== 'string') throw new Error(`postgres_changes ${field} must be a string`);
	return value;
}

/** Throws with the reason the join is refused. */
export function parseBindings(value: unknown): Binding[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw new Error('postgres_changes must be a list');
	const taken = new Set<number>();
	return value.map((raw) => {
		if (typeof raw !== 'object' || raw === null) throw new Error('each postgres_changes binding must be an object');
		const sent = raw as Record<string, unknown>;
		const event = String(sent.event ?? '').toUpperCase();
		if (!EVENTS.has(event)) throw new Error(`invalid postgres_changes event "${String(sent.event)}"`);
		const schema = optionalString(sent.schema, 'schema') ?? 'public';
		const tableName = optionalString(sent.table, 'table');
		const table = tableName === '*' ? null : tableName;
		const filter = optionalString(sent.filter, 'filter');
		const conditions = parseFilter(filter);
		if (conditions.length && !table) throw new Error('a postgres_changes filter needs a table');
		const select = Array.isArray(sent.select) ? sent.select.filter((name): name is string => typeof name === 'string') : null;
		const id = bindingId([event, schema, table, filter, select], taken);
		return { id, event: event as ChangeEvent, schema, table, conditions, select, echo: { ...sent, id } };
	});
}

/**
 * The SQL that tries one condition the way the dispatcher will evaluate it, on a sample
 * built from the filter value itself, so a value that does not cast to the column type, an
 * operator the type lacks, or a bad regular expression refuses the join instead of failing
 * later, at delivery. (A NULL sample would not do: Postgres folds a strict comparison with
 * a NULL side to NULL without ever casting the other side.)
 */
function trialSql(condition: Condition, sqlType: string, param: (value: string) => string): string {
	if (condition.op === 'is' && condition.value !== 'null' && sqlType !== 'boolean') {
		throw new Error(`is.${condition.value} needs a boolean column, and ${condition.column} is ${sqlType}`);
	}
	const sample =
		condition.op === 'in'
			? `(${param(condition.value)}::text::${sqlType}[])[1]::text`
			: ['like', 'ilike', 'match', 'imatch'].includes(condition.op)
				? param('')
				: param(condition.value);
	return conditionSql(condition, sample, param, sqlType);
}

async function checkBinding(db: pg.Pool, binding: Binding): Promise<string | null> {
	if (!binding.table) return null;
	const name = `${pg.escapeIdentifier(binding.schema)}.${pg.escapeIdentifier(binding.table)}`;
	const { rows } = await db.query(
		`select attname::text as name, format_type(atttypid, atttypmod) as sql_type from pg_attribute where attrelid = to_regclass($1) and attnum > 0 and not attisdropped`,
		[name]
	);
	if (!rows.length) return `table ${binding.schema}.${binding.table} not found`;
	const types = new Map(rows.map((row) => [row.name as string, row.sql_type as string]));
	const params: string[] = [];
	const tests: string[] = [];
	for (const condition of binding.conditions) {
		const sqlType = types.get(condition.column);
		if (!sqlType) return `column ${condition.column} not found in ${binding.schema}.${binding.table}`;
		tests.push(trialSql(condition, sqlType, (value) => `$${params.push(value)}`));
	}
	if (tests.length) await db.query(`select ${tests.join(', ')}`, params);
	return null;
}

/** Null when every binding can be served, otherwise why not. */
export async function checkBindings(db: pg.Pool, bindings: Binding[]): Promise<string | null> {
	for (const binding of bindings) {
		try {
			const problem = await checkBinding(db, binding);
			if (problem) return `Unable to subscribe to changes with given parameters: ${problem}`;
		} catch (error) {
			return `Unable to subscribe to changes with given parameters: ${(error as Error).message}`;
		}
	}
	return null;
}
