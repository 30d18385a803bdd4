// Reads the `public` schema from pg_catalog (what PostgREST sees, grants aside) for the types generator.
import type pg from 'pg';

export const SCHEMA = 'public';

/** A column or argument type, resolved through domains and arrays. */
export interface PgType {
	name: string;
	schema: string;
	/** pg_type.typtype: b base, e enum, c composite, p pseudo. */
	kind: string;
	/** Table behind a composite type, when there is one. */
	relation: string | null;
	element: PgType | null;
}

export interface Column {
	name: string;
	type: PgType;
	nullable: boolean;
	hasDefault: boolean;
	/** Identity ALWAYS or a generated column: the database writes it, never the caller. */
	readOnly: boolean;
}

export interface Relation {
	name: string;
	kind: 'table' | 'view';
	insertable: boolean;
	updatable: boolean;
	columns: Column[];
	relationships: Relationship[];
}

export interface Relationship {
	foreignKeyName: string;
	columns: string[];
	isOneToOne: boolean;
	referencedRelation: string;
	referencedColumns: string[];
}

export interface FunctionArg {
	name: string;
	type: PgType;
	hasDefault: boolean;
}

export interface DbFunction {
	name: string;
	args: FunctionArg[];
	returnType: PgType;
	returnsSet: boolean;
	/** OUT / TABLE columns, for functions returning records. */
	outColumns: { name: string; type: PgType }[];
}

export interface Schema {
	relations: Relation[];
	functions: DbFunction[];
	enums: { name: string; labels: string[] }[];
	compositeTypes: { name: string; attributes: { name: string; type: PgType }[] }[];
}

// One row per type oid, following a domain to its base type and an array to its element.
const TYPES_SQL = `
	with recursive resolved as (
		select t.oid, coalesce(nullif(t.typbasetype, 0), t.oid) as target
		from pg_type t where t.oid = any ($1::oid[])
	)
	select r.oid::int as oid, t.typname as name, n.nspname as schema, t.typtype as kind,
		(select c.relname from pg_class c where c.oid = t.typrelid and c.relkind <> 'c') as relation,
		case when t.typcategory = 'A' then t.typelem::int end as element
	from resolved r
	join pg_type t on t.oid = r.target
	join pg_namespace n on n.oid = t.typnamespace`;

async function loadTypes(db: pg.Client, oids: number[]): Promise<Map<number, PgType>> {
	const types = new Map<number, PgType>();
	let pending = [...new Set(oids)];
	const elements = new Map<number, number>();
	while (pending.length) {
		const { rows } = await db.query(TYPES_SQL, [pending]);
		pending = [];
		for (const row of rows) {
			types.set(row.oid, { name: row.name, schema: row.schema, kind: row.kind, relation: row.relation, element: null });
			if (row.element) {
				elements.set(row.oid, row.element);
				if (!types.has(row.element)) pending.push(row.element);
			}
		}
	}
	for (const [oid, element] of elements) types.get(oid)!.element = types.get(element) ?? null;
	return types;
}

async function readRelations(db: pg.Client) {
	const { rows: relations } = await db.query(
		`select c.oid::int as oid, c.relname as name, c.relkind as relkind,
			(pg_relation_is_updatable(c.oid, false) & 8) = 8 as insertable,
			(pg_relation_is_updatable(c.oid, false) & 4) = 4 as updatable
		from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = $1 and c.relkind in ('r', 'p', 'f', 'v', 'm')
		order by c.relname`,
		[SCHEMA]
	);
	const { rows: columns } = await db.query(
		`select a.attrelid::int as relid, a.attname as name, a.atttypid::int as type_oid,
			not a.attnotnull as nullable, a.atthasdef or a.attidentity <> '' as has_default,
			a.attidentity = 'a' or a.attgenerated <> '' as read_only
		from pg_attribute a
		where a.attrelid = any ($1::oid[]) and a.attnum > 0 and not a.attisdropped
		order by a.attrelid, a.attnum`,
		[relations.map((relation) => relation.oid)]
	);
	const { rows: foreignKeys } = await db.query(
		`select con.conname as name, con.conrelid::int as relid, target.relname as referenced_relation,
			array(select a.attname::text from unnest(con.conkey) with ordinality k (attnum, i)
				join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.i) as columns,
			array(select a.attname::text from unnest(con.confkey) with ordinality k (attnum, i)
				join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.i) as referenced_columns,
			exists (
				select 1 from pg_constraint unique_key
				where unique_key.conrelid = con.conrelid and unique_key.contype in ('p', 'u')
					and (select array_agg(x order by x) from unnest(unique_key.conkey) x)
						= (select array_agg(x order by x) from unnest(con.conkey) x)
			) as one_to_one
		from pg_constraint con
		join pg_class target on target.oid = con.confrelid
		where con.contype = 'f' and con.conrelid = any ($1::oid[])
		order by con.conname, target.relname`,
		[relations.map((relation) => relation.oid)]
	);
	return { relations, columns, foreignKeys };
}

async function readFunctions(db: pg.Client) {
	// Trigger and internal-typed functions cannot be called through /rpc.
	const { rows } = await db.query(
		`select p.proname as name, p.proretset as returns_set, p.prorettype::int as return_type,
			coalesce(p.proallargtypes, p.proargtypes::oid[])::int[] as arg_types,
			coalesce(p.proargmodes, array_fill('i'::"char", array[p.pronargs]))::text[] as arg_modes,
			coalesce(p.proargnames, array_fill(''::text, array[cardinality(coalesce(p.proallargtypes, p.proargtypes::oid[]))])) as arg_names,
			p.pronargdefaults as defaults
		from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		where n.nspname = $1 and p.prokind = 'f'
			and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype, 'internal'::regtype)
			and not ('internal'::regtype = any (p.proargtypes::oid[]))
		order by p.proname, p.oid`,
		[SCHEMA]
	);
	return rows;
}

async function readEnums(db: pg.Client) {
	const { rows } = await db.query(
		`select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
		from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
		where n.nspname = $1 group by t.typname order by t.typname`,
		[SCHEMA]
	);
	return rows as { name: string; labels: string[] }[];
}

async function readCompositeTypes(db: pg.Client) {
	const { rows } = await db.query(
		`select t.typname as name, a.attname as attribute, a.atttypid::int as type_oid
		from pg_type t join pg_namespace n on n.oid = t.typnamespace
		join pg_class c on c.oid = t.typrelid and c.relkind = 'c'
		join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
		where n.nspname = $1 order by t.typname, a.attnum`,
		[SCHEMA]
	);
	return rows as { name: string; attribute: string; type_oid: number }[];
}

export async function readSchema(db: pg.Client): Promise<Schema> {
	const { relations, columns, foreignKeys } = await readRelations(db);
	const functions = await readFunctions(db);
	const enums = await readEnums(db);
	const composites = await readCompositeTypes(db);
	const types = await loadTypes(db, [
		...columns.map((column) => column.type_oid),
		...functions.flatMap((fn) => [fn.return_type, ...fn.arg_types]),
		...composites.map((attribute) => attribute.type_oid)
	]);
	const typeOf = (oid: number): PgType =>
		types.get(oid) ?? { name: 'unknown', schema: 'pg_catalog', kind: 'p', relation: null, element: null };

	const compositeTypes = new Map<string, { name: string; type: PgType }[]>();
	for (const row of composites) {
		const attributes = compositeTypes.get(row.name) ?? [];
		attributes.push({ name: row.attribute, type: typeOf(row.type_oid) });
		compositeTypes.set(row.name, attributes);
	}

	return {
		relations: relations.map((relation) => ({
			name: relation.name,
			kind: ['v', 'm'].includes(relation.relkind) ? 'view' : 'table',
			insertable: relation.insertable,
			updatable: relation.updatable,
			columns: columns
				.filter((column) => column.relid === relation.oid)
				.map((column) => ({
					name: column.name,
					type: typeOf(column.type_oid),
					nullable: column.nullable,
					hasDefault: column.has_default,
					readOnly: column.read_only
				})),
			relationships: foreignKeys
				.filter((key) => key.relid === relation.oid)
				.map((key) => ({
					foreignKeyName: key.name,
					columns: key.columns,
					isOneToOne: key.one_to_one,
					referencedRelation: key.referenced_relation,
					referencedColumns: key.referenced_columns
				}))
		})),
		functions: functions.map((fn) => {
			const parameters = (fn.arg_types as number[]).map((oid, i) => ({
				name: fn.arg_names[i] as string,
				type: typeOf(oid),
				mode: fn.arg_modes[i] as string
			}));
			const inputs = parameters.filter((parameter) => ['i', 'b', 'v'].includes(parameter.mode));
			const firstDefault = inputs.length - fn.defaults;
			return {
				name: fn.name,
				args: inputs.map((input, i) => ({ name: input.name, type: input.type, hasDefault: i >= firstDefault })),
				returnType: typeOf(fn.return_type),
				returnsSet: fn.returns_set,
				outColumns: parameters.filter((parameter) => ['o', 'b', 't'].includes(parameter.mode)).map(({ name, type }) => ({ name, type }))
			};
		}),
		enums,
		compositeTypes: [...compositeTypes].map(([name, attributes]) => ({ name, attributes }))
	};
}
