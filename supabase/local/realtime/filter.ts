// postgres_changes filters (`col=op.value`, comma-separated conditions ANDed,
// optional `not.` prefix, PostgREST-style double quotes), parsed here and
// compared in Postgres with both sides cast to the column's type, as the real
// server's check_equality_op does.

export type FilterOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'like' | 'ilike' | 'is' | 'match' | 'imatch' | 'isdistinct';

export interface Condition {
	column: string;
	op: FilterOp;
	negate: boolean;
	/** The value as compared: text, an array literal for `in`, or null/true/false/unknown for `is`. */
	value: string;
}

const COMPARISONS: Record<string, string> = { eq: '=', neq: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };
const TEXT_MATCHES: Record<string, string> = { like: 'like', ilike: 'ilike', match: '~', imatch: '~*' };
const OPS = new Set([...Object.keys(COMPARISONS), ...Object.keys(TEXT_MATCHES), 'in', 'is', 'isdistinct']);
const IS_VALUES = new Set(['null', 'true', 'false', 'unknown']);

/** Splits on commas that sit outside double quotes and parentheses. */
function splitTopLevel(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quoted = false;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === '\\' && quoted) i++;
		else if (char === '"') quoted = !quoted;
		else if (!quoted && char === '(') depth++;
		else if (!quoted && char === ')') depth--;
		else if (!quoted && depth === 0 && char === ',') {
			parts.push(text.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(text.slice(start));
	return parts;
}

function unquote(value: string): string {
	if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, '$1');
	return value;
}

/** Builds a Postgres array literal, every element quoted so commas and braces stay data. */
function arrayLiteral(list: string): string {
	const items = splitTopLevel(list).map((item) => unquote(item.trim()));
	return '{' + items.map((item) => '"' + item.replace(/(["\\])/g, '\\$1') + '"').join(',') + '}';
}

function parseCondition(text: string): Condition {
	const eq = text.indexOf('=');
	if (eq <= 0) throw new Error(`invalid filter "${text}": expected column=operator.value`);
	const column = text.slice(0, eq).trim();
	let rest = text.slice(eq + 1);
	const negate = rest.startsWith('not.');
	if (negate) rest = rest.slice(4);
	const dot = rest.indexOf('.');
	const op = (dot < 0 ? rest : rest.slice(0, dot)) as FilterOp;
	if (dot < 0 || !OPS.has(op)) throw new Error(`invalid filter "${text}": unknown operator`);
	let value = unquote(rest.slice(dot + 1));
	if (op === 'in') {
		if (!value.startsWith('(') || !value.endsWith(')')) throw new Error(`invalid filter "${text}": in needs (a,b,…)`);
		value = arrayLiteral(value.slice(1, -1));
	}
	if (op === 'is' && !IS_VALUES.has(value.toLowerCase()))
		throw new Error(`invalid filter "${text}": is takes null, true, false or unknown`);
	return { column, op, negate, value: op === 'is' ? value.toLowerCase() : value };
}

export function parseFilter(filter: string | null | undefined): Condition[] {
	if (filter == null || filter === '') return [];
	return splitTopLevel(filter).map((part) => parseCondition(part.trim()));
}

/**
 * The SQL testing one condition against `actual` (a placeholder holding the
 * column's text value); `param` registers the filter value as a parameter.
 * `sqlType` comes from format_type() and is safe to splice. A null comparison
 * counts as not matching, negated or not (PostgREST's meaning).
 */
export function conditionSql(condition: Condition, actual: string, param: (value: string) => string, sqlType: string): string {
	const { op, value } = condition;
	let test: string;
	if (op in COMPARISONS) test = `${actual}::text::${sqlType} ${COMPARISONS[op]} ${param(value)}::text::${sqlType}`;
	else if (op in TEXT_MATCHES) test = `${actual}::text ${TEXT_MATCHES[op]} ${param(value)}::text`;
	else if (op === 'in') test = `${actual}::text::${sqlType} = any(${param(value)}::text::${sqlType}[])`;
	else if (op === 'isdistinct') test = `${actual}::text::${sqlType} is distinct from ${param(value)}::text::${sqlType}`;
	else if (value === 'null') test = `${actual}::text is null`;
	else test = `${actual}::text::boolean is ${value}`;
	return condition.negate ? `coalesce(not (${test}), false)` : `coalesce(${test}, false)`;
}

/** A stable key, so one change evaluates each distinct condition once. */
export function conditionKey(condition: Condition): string {
	return JSON.stringify([condition.column, condition.op, condition.negate, condition.value]);
}
