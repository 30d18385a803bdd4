// Fans each change out to the subscribers whose bindings match it: filters
// first, then the subscriber's own access (authorize.ts), then one message
// per channel carrying the ids of every binding it satisfied.
import pg from 'pg';
import { BatchCatalog, type TableInfo } from './catalog.ts';
import { conditionSql, conditionKey, type Condition } from './filter.ts';
import { authorize } from './authorize.ts';
import { textRow, typedRecord, changeData, errorData, type TextRow, type Records } from './payload.ts';
import type { Change } from './changes.ts';
import type { Binding } from './bindings.ts';
import type { Claims } from './jwt.ts';

export interface Subscriber {
	bindings: readonly Binding[];
	claims: Claims;
	/** Sends `{ids, data}` as a postgres_changes event; a no-op once the channel has closed. */
	deliver(payload: { ids: number[]; data: Record<string, unknown> }): void;
}

function listens(binding: Binding, change: Change): boolean {
	const { schema, table } = change.relation;
	return (
		binding.schema === schema &&
		(binding.table === null || binding.table === table) &&
		(binding.event === '*' || binding.event === change.type)
	);
}

/** Every distinct condition evaluated once, in one query, with both sides cast to the column type. */
async function evaluate(
	db: pg.Pool,
	info: TableInfo,
	row: TextRow,
	conditions: Condition[],
	log: (line: string) => void
): Promise<Map<string, boolean>> {
	const verdicts = new Map<string, boolean>();
	const types = new Map(info.columns.map((column) => [column.name, column.sqlType]));
	const params: (string | null)[] = [];
	const param = (value: string | null) => `$${params.push(value)}`;
	const tests: [string, string][] = [];
	for (const condition of conditions) {
		const key = conditionKey(condition);
		const sqlType = types.get(condition.column);
		if (verdicts.has(key) || tests.some(([k]) => k === key)) continue;
		if (!sqlType) verdicts.set(key, false);
		else tests.push([key, conditionSql(condition, param(row.get(condition.column) ?? null), param, sqlType)]);
	}
	if (!tests.length) return verdicts;
	try {
		const { rows } = await db.query({ text: `select ${tests.map(([, sql]) => sql).join(', ')}`, values: params, rowMode: 'array' });
		tests.forEach(([key], i) => verdicts.set(key, rows[0][i] === true));
	} catch (error) {
		// One subscriber's condition that fails (the join checks should prevent it; a column
		// whose type changed since may not) must fail only itself: evaluate them one by one.
		log(`[realtime] filter evaluation on ${info.schema}.${info.table} failed, evaluating conditions apart: ${(error as Error).message}`);
		await Promise.all(tests.map(async ([key, sql]) => verdicts.set(key, await evaluateAlone(db, sql, params))));
	}
	return verdicts;
}

/** One condition on its own; an error makes it false for its own bindings only. */
async function evaluateAlone(db: pg.Pool, sql: string, params: (string | null)[]): Promise<boolean> {
	// Only the parameters this condition uses are sent, renumbered from $1.
	const used = [...new Set([...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])))];
	const text = sql.replace(/\$(\d+)/g, (_, n) => `$${used.indexOf(Number(n)) + 1}`);
	try {
		const { rows } = await db.query({ text: `select ${text}`, values: used.map((n) => params[n - 1]), rowMode: 'array' });
		return rows[0][0] === true;
	} catch {
		return false;
	}
}

async function dispatchChange(
	db: pg.Pool,
	catalog: BatchCatalog,
	change: Change,
	subscribers: Iterable<Subscriber>,
	log: (line: string) => void
) {
	const interested = [...subscribers]
		.map((subscriber) => ({ subscriber, bindings: subscriber.bindings.filter((binding) => listens(binding, change)) }))
		.filter(({ bindings }) => bindings.length);
	if (!interested.length) return;
	const info = await catalog.table(change.relation).catch(() => null);
	if (!info) return;

	const newRow = change.newTuple ? textRow(info, change.newTuple) : null;
	let oldRow = change.oldTuple ? textRow(info, change.oldTuple, change.oldIsKeyOnly) : null;
	// Without an old tuple an update still tells its key, as wal2json's identity does.
	if (!oldRow && change.type === 'UPDATE' && newRow)
		oldRow = new Map([...newRow].filter(([name]) => info.columns.some((c) => c.isKey && c.name === name)));
	const current = (change.type === 'DELETE' ? oldRow : newRow) ?? new Map();

	const conditions = interested.flatMap(({ bindings }) => bindings.flatMap((binding) => binding.conditions));
	const verdicts = await evaluate(db, info, current, conditions, log);
	const key = Object.fromEntries(info.primaryKey.map((name) => [name, current.get(name) ?? '']));
	let records: Records | null = null;

	for (const { subscriber, bindings } of interested) {
		const passing = bindings.filter((binding) => binding.conditions.every((condition) => verdicts.get(conditionKey(condition))));
		if (!passing.length) continue;
		if (!info.primaryKey.length) {
			subscriber.deliver({
				ids: passing.map((binding) => binding.id),
				data: errorData(info, change, 'Error 400: Bad Request, no primary key')
			});
			continue;
		}
		const access = await authorize(db, catalog, info, change.type, subscriber.claims, key, log);
		if (!access) continue;
		records ??= {
			record: newRow ? await typedRecord(db, info, newRow, log) : null,
			oldRecord: oldRow ? await typedRecord(db, info, oldRow, log) : null
		};
		// Bindings asking for different column lists get separate messages.
		const bySelect = new Map<string, Binding[]>();
		for (const binding of passing) {
			const group = JSON.stringify(binding.select);
			bySelect.set(group, [...(bySelect.get(group) ?? []), binding]);
		}
		for (const group of bySelect.values()) {
			const select = group[0].select;
			const visible = (name: string) => access.selectable.has(name) && (!select || select.includes(name));
			subscriber.deliver({ ids: group.map((binding) => binding.id), data: changeData(info, change, records, visible) });
		}
	}
}

export async function dispatchChanges(
	db: pg.Pool,
	changes: Change[],
	subscribers: Iterable<Subscriber>,
	log: (line: string) => void
): Promise<void> {
	const catalog = new BatchCatalog(db);
	for (const change of changes) {
		try {
			await dispatchChange(db, catalog, change, subscribers, log);
		} catch (error) {
			log(`[realtime] dropped a ${change.type} on ${change.relation.schema}.${change.relation.table}: ${(error as Error).message}`);
		}
	}
}
