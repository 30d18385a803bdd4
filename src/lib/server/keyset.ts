// Keyset pagination for every staff list: the last row's sort key travels in one URL parameter (?after=), so a page
// costs the same however deep it is, and rows added meanwhile neither repeat nor vanish. The inbox's cursor
// ($lib/server/triage/cursor) is this cursor; the PostgREST lists add the ordering and the "after" filter here.
import { z } from 'zod';

/** A cursor: the sort values of the last row shown, by name, and its id (the tie-breaker). */
export type Cursor = Record<string, string | null> & { id: string };

const cursorSchema = z.record(z.string().max(40), z.string().max(200).nullable()).and(z.object({ id: z.uuid() }));

export function encodeCursor(cursor: Cursor): string {
	return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(value: string | null): Cursor | null {
	if (!value || value.length > 600) return null;
	try {
		const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
		return parsed.success ? (parsed.data as Cursor) : null;
	} catch {
		return null;
	}
}

/** A column a list may be sorted by; `nullable` ones sort their empty values last in both directions. */
export interface SortColumn {
	column: string;
	nullable?: boolean;
}

export type Direction = 'asc' | 'desc';

export interface ListRequest<Key extends string> {
	sort: Key;
	dir: Direction;
	after: Cursor | null;
	/** The position of the page's first row (1-based), carried with the cursor for "51–100 of 250". */
	from: number;
}

/** The list's sort, direction, cursor and position from the URL; anything unknown falls back to the default. */
export function readListRequest<Key extends string>(
	url: URL,
	sorts: Record<Key, SortColumn>,
	fallback: { sort: Key; dir: Direction }
): ListRequest<Key> {
	const requested = url.searchParams.get('sort') ?? '';
	const sort = (Object.hasOwn(sorts, requested) ? requested : fallback.sort) as Key;
	const dirParam = url.searchParams.get('dir');
	const dir: Direction = dirParam === 'asc' || dirParam === 'desc' ? dirParam : sort === fallback.sort ? fallback.dir : 'asc';
	const after = decodeCursor(url.searchParams.get('after'));
	const from = after ? Math.max(1, Math.min(1_000_000, Number.parseInt(url.searchParams.get('from') ?? '1', 10) || 1)) : 1;
	return { sort, dir, after, from };
}

/** A value inside a PostgREST logic filter (or=(…)): quoted, with its quotes and backslashes escaped. */
export function filterValue(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The PostgREST `or` filter for "rows after this cursor" in (column dir, id dir) order with empty values last,
 * or null for the first page.
 */
export function afterFilter(sort: SortColumn, dir: Direction, after: Cursor | null, cursorKey: string): string | null {
	if (!after) return null;
	const beyond = dir === 'asc' ? 'gt' : 'lt';
	const id = filterValue(after.id);
	const value = after[cursorKey] ?? null;
	if (value === null) return `and(${sort.column}.is.null,id.${beyond}.${id})`;
	const v = filterValue(value);
	const tail = sort.nullable ? `,${sort.column}.is.null` : '';
	return `${sort.column}.${beyond}.${v},and(${sort.column}.eq.${v},id.${beyond}.${id})${tail}`;
}

/** What a query builder needs for a keyset page (supabase-js's filter builder has these). */
export interface KeysetQuery<Self> {
	order(column: string, options?: { ascending?: boolean; nullsFirst?: boolean }): Self;
	or(filters: string): Self;
	limit(count: number): Self;
}

/** Orders the query by the sort column then id, keeps the rows after the cursor, and asks one row more than a page. */
export function keysetQuery<Q extends KeysetQuery<Q>>(query: Q, sort: SortColumn, request: ListRequest<string>, pageSize: number): Q {
	const ascending = request.dir === 'asc';
	let ordered = query.order(sort.column, { ascending, nullsFirst: false }).order('id', { ascending });
	const filter = afterFilter(sort, request.dir, request.after, request.sort);
	if (filter) ordered = ordered.or(filter);
	return ordered.limit(pageSize + 1);
}

export interface ListPage<Row> {
	rows: Row[];
	/** The URL of the next page (same filters and sort), or null on the last one. */
	next: string | null;
	/** The first page with the same filters and sort, when this is a later one. */
	first: string | null;
	from: number;
	total: number;
	sort: string;
	dir: Direction;
}

/** Cuts the extra row off and builds the links; `sortValue` reads the sort column of a row as the cursor keeps it. */
export function listPage<Row extends { id: string }>(
	url: URL,
	fetched: Row[],
	request: ListRequest<string>,
	pageSize: number,
	total: number,
	sortValue: (row: Row) => string | null
): ListPage<Row> {
	const rows = fetched.slice(0, pageSize);
	const last = rows.at(-1);
	const link = (after: string | null, from: number) => {
		const target = new URL(url);
		target.searchParams.delete('after');
		target.searchParams.delete('from');
		if (after) {
			target.searchParams.set('after', after);
			target.searchParams.set('from', String(from));
		}
		return `${target.pathname}${target.search}`;
	};
	const next =
		fetched.length > pageSize && last
			? link(encodeCursor({ [request.sort]: sortValue(last), id: last.id } as Cursor), request.from + rows.length)
			: null;
	return { rows, next, first: request.after ? link(null, 1) : null, from: request.from, total, sort: request.sort, dir: request.dir };
}
