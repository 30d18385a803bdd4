// Renders an introspected schema as TypeScript, in the shape `supabase gen types typescript` produces.
import { SCHEMA, type Column, type DbFunction, type PgType, type Relation, type Schema } from './introspect.ts';

// What the embedded stack runs; supabase-js only uses it to gate newer features.
const POSTGREST_VERSION = '12';

const NUMBER_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
const STRING_TYPES = new Set([
	'text',
	'varchar',
	'bpchar',
	'char',
	'name',
	'citext',
	'uuid',
	'date',
	'time',
	'timetz',
	'timestamp',
	'timestamptz',
	'interval',
	'bytea',
	'inet',
	'cidr',
	'macaddr',
	'money',
	'tsvector',
	'tsquery',
	'regclass',
	'vector',
	'xml',
	'bit',
	'varbit'
]);

function tsType(type: PgType): string {
	if (type.element) return `${tsType(type.element)}[]`;
	if (type.schema === SCHEMA && type.kind === 'e') return `Database['${SCHEMA}']['Enums']['${type.name}']`;
	if (type.schema === SCHEMA && type.kind === 'c') {
		return type.relation
			? `Database['${SCHEMA}']['Tables']['${type.relation}']['Row']`
			: `Database['${SCHEMA}']['CompositeTypes']['${type.name}']`;
	}
	if (type.name === 'bool') return 'boolean';
	if (NUMBER_TYPES.has(type.name)) return 'number';
	if (STRING_TYPES.has(type.name) || type.kind === 'e') return 'string';
	if (type.name === 'json' || type.name === 'jsonb') return 'Json';
	if (type.name === 'void') return 'undefined';
	if (type.name === 'record') return 'Record<string, unknown>';
	return 'unknown';
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name.replace(/'/g, "\\'")}'`);
const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const indent = (text: string, tabs: number) => text.replace(/^(?=.)/gm, '\t'.repeat(tabs));
const NOTHING = '{\n\t[_ in never]: never\n}';

function objectType(fields: string[]): string {
	return fields.length ? `{\n${indent(fields.join('\n'), 1)}\n}` : NOTHING;
}

function section(entries: [string, string][]): string {
	return entries.length ? objectType(entries.map(([name, body]) => `${key(name)}: ${body}`)) : NOTHING;
}

/** Computed fields (PostgREST): functions whose one argument is a row of the relation; selectable like columns. */
function computedFields(relation: Relation, functions: DbFunction[]): DbFunction[] {
	return functions.filter((fn) => fn.args.length === 1 && fn.args[0].type.relation === relation.name && !fn.returnsSet);
}

function renderRelation(relation: Relation, functions: DbFunction[]): string {
	const row = [
		...relation.columns.map((c) => `${key(c.name)}: ${tsType(c.type)}${c.nullable ? ' | null' : ''}`),
		// As the Supabase CLI writes them: in Row only, nullable (a function may return null).
		...computedFields(relation, functions).map((fn) => `${key(fn.name)}: ${tsType(fn.returnType)} | null`)
	];
	// View columns carry no NOT NULL or defaults, so each one is optional there.
	const optional = (c: Column) => relation.kind === 'view' || c.nullable || c.hasDefault;
	const insert = relation.columns.map((c) =>
		c.readOnly ? `${key(c.name)}?: never` : `${key(c.name)}${optional(c) ? '?' : ''}: ${tsType(c.type)}${c.nullable ? ' | null' : ''}`
	);
	const update = relation.columns.map((c) =>
		c.readOnly ? `${key(c.name)}?: never` : `${key(c.name)}?: ${tsType(c.type)}${c.nullable ? ' | null' : ''}`
	);
	const relationships = relation.relationships.map((r) =>
		objectType([
			`foreignKeyName: ${quote(r.foreignKeyName)}`,
			`columns: [${r.columns.map(quote).join(', ')}]`,
			`isOneToOne: ${r.isOneToOne}`,
			`referencedRelation: ${quote(r.referencedRelation)}`,
			`referencedColumns: [${r.referencedColumns.map(quote).join(', ')}]`
		])
	);
	const parts = [`Row: ${objectType(row)}`];
	if (relation.kind === 'table' || relation.insertable) parts.push(`Insert: ${objectType(insert)}`);
	if (relation.kind === 'table' || relation.updatable) parts.push(`Update: ${objectType(update)}`);
	parts.push(relationships.length ? `Relationships: [\n${indent(relationships.join(',\n'), 1)}\n]` : 'Relationships: []');
	return `{\n${indent(parts.join('\n'), 1)}\n}`;
}

function renderFunction(fn: DbFunction): string {
	const args = fn.args.length ? objectType(fn.args.map((a) => `${key(a.name)}${a.hasDefault ? '?' : ''}: ${tsType(a.type)}`)) : 'never';
	const one = fn.outColumns.length ? objectType(fn.outColumns.map((c) => `${key(c.name)}: ${tsType(c.type)}`)) : tsType(fn.returnType);
	const returns = fn.returnsSet ? `${one.includes(' ') && !one.startsWith('{') ? `(${one})` : one}[]` : one;
	return `{\n${indent(`Args: ${args}\nReturns: ${returns}`, 1)}\n}`;
}

function renderFunctions(functions: DbFunction[]): [string, string][] {
	const byName = new Map<string, string[]>();
	for (const fn of functions) byName.set(fn.name, [...(byName.get(fn.name) ?? []), renderFunction(fn)]);
	// Overloads become a union, as the CLI writes them.
	return [...byName].map(([name, overloads]) => [name, overloads.join(' | ')]);
}

const HELPERS = `
type PublicSchema = Database['${SCHEMA}'];
type TablesAndViews = PublicSchema['Tables'] & PublicSchema['Views'];

/** A row of a table or view: \`Tables<'clients'>\`. */
export type Tables<Name extends keyof TablesAndViews> = TablesAndViews[Name]['Row'];
/** What an insert into a table accepts: \`TablesInsert<'clients'>\`. */
export type TablesInsert<Name extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][Name]['Insert'];
/** What an update of a table accepts: \`TablesUpdate<'clients'>\`. */
export type TablesUpdate<Name extends keyof PublicSchema['Tables']> = PublicSchema['Tables'][Name]['Update'];
/** The labels of an enum: \`Enums<'staff_role'>\`. */
export type Enums<Name extends keyof PublicSchema['Enums']> = PublicSchema['Enums'][Name];
export type CompositeTypes<Name extends keyof PublicSchema['CompositeTypes']> = PublicSchema['CompositeTypes'][Name];
`;

export function renderDatabaseTypes(schema: Schema): string {
	const tables = schema.relations.filter((r) => r.kind === 'table');
	const views = schema.relations.filter((r) => r.kind === 'view');
	const publicSchema = [
		`Tables: ${section(tables.map((r) => [r.name, renderRelation(r, schema.functions)]))}`,
		`Views: ${section(views.map((r) => [r.name, renderRelation(r, schema.functions)]))}`,
		`Functions: ${section(renderFunctions(schema.functions))}`,
		`Enums: ${section(schema.enums.map((e) => [e.name, e.labels.map(quote).join(' | ')]))}`,
		`CompositeTypes: ${section(schema.compositeTypes.map((t) => [t.name, objectType(t.attributes.map((a) => `${key(a.name)}: ${tsType(a.type)} | null`))]))}`
	].join('\n');
	const constants = schema.enums.map((e) => `\t\t\t${key(e.name)}: [${e.labels.map(quote).join(', ')}]`);
	return [
		'// Generated by `node scripts/gen-db-types.ts` from the database schema: do not edit by hand.',
		'',
		'export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];',
		'',
		'export type Database = {',
		`\t// Lets createClient<Database>() pick the PostgREST feature set without a second type argument.`,
		`\t__InternalSupabase: {\n\t\tPostgrestVersion: '${POSTGREST_VERSION}';\n\t};`,
		`\t${SCHEMA}: {`,
		indent(publicSchema, 2),
		'\t};',
		'};',
		HELPERS,
		'/** Enum labels as values, for zod schemas and select options. */',
		`export const Constants = {\n\t${SCHEMA}: {\n\t\tEnums: {\n${constants.join(',\n')}\n\t\t}\n\t}\n} as const;`,
		''
	].join('\n');
}
