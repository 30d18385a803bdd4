// The change feed: a temporary logical replication slot with the built-in
// pgoutput plugin, polled on its own connection. The publication
// `supabase_realtime` decides which tables are streamed, as on Supabase; the
// publications in `extraPublications` that exist are streamed too (realtime.messages).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { decodePgoutput, type RelationColumn, type TupleValue } from './pgoutput.ts';

export interface Relation {
	relid: number;
	schema: string;
	table: string;
	columns: RelationColumn[];
}

export interface Change {
	type: 'INSERT' | 'UPDATE' | 'DELETE';
	relation: Relation;
	commitTime: Date;
	newTuple: TupleValue[] | null;
	/** For UPDATE only when the key changed or the identity is full; for DELETE always. */
	oldTuple: TupleValue[] | null;
	oldIsKeyOnly: boolean;
}

export interface ChangeFeedOptions {
	dbUrl: string;
	log: (line: string) => void;
	/** Streamed as well when they exist (a database bootstrapped before them lacks them). */
	extraPublications?: string[];
	/** Called with each polled batch in commit order; the next poll waits for it. */
	onChanges: (changes: Change[]) => Promise<void>;
}

export interface ChangeFeed {
	stop(): Promise<void>;
}

const POLL_MS = 50;
// Right after a batch, changes tend to keep coming (a user's next action, a burst), so look again sooner.
const ACTIVE_POLL_MS = 10;
const RETRY_MS = 1000;
// A bound per call keeps a bulk load from landing in memory at once (whole transactions still do).
const MAX_CHANGES_PER_POLL = 2000;
const POLL_SQL = `select data from pg_logical_slot_get_binary_changes($1, null, $2, 'proto_version', '1', 'publication_names', $3)`;

export function decodeBatch(rows: { data: Buffer }[], relations: Map<number, Relation>, log: (line: string) => void): Change[] {
	const changes: Change[] = [];
	let commitTime = new Date();
	for (const { data } of rows) {
		let message;
		try {
			message = decodePgoutput(data);
		} catch (error) {
			log(`[realtime] skipped an undecodable pgoutput message: ${(error as Error).message}`);
			continue;
		}
		if (message.tag === 'begin') commitTime = message.commitTime;
		else if (message.tag === 'relation') relations.set(message.relid, message);
		else if (message.tag === 'insert' || message.tag === 'update' || message.tag === 'delete') {
			const relation = relations.get(message.relid);
			if (!relation) continue;
			const type = message.tag === 'insert' ? 'INSERT' : message.tag === 'update' ? 'UPDATE' : 'DELETE';
			changes.push({
				type,
				relation,
				commitTime,
				newTuple: message.tag === 'delete' ? null : message.newTuple,
				oldTuple: message.tag === 'insert' ? null : message.oldTuple,
				oldIsKeyOnly: message.tag === 'insert' ? false : message.oldIsKeyOnly
			});
		}
	}
	return changes;
}

export async function startChangeFeed(options: ChangeFeedOptions): Promise<ChangeFeed> {
	const slot = `realtime_local_${process.pid}_${randomBytes(4).toString('hex')}`;
	const relations = new Map<number, Relation>();
	let client: pg.Client | null = null;
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let inFlight: Promise<void> = Promise.resolve();
	let publications = 'supabase_realtime';

	// A temporary slot lives as long as its session, so a lost connection means a new slot.
	const connect = async () => {
		const next = new pg.Client({ connectionString: options.dbUrl, application_name: 'local-realtime-feed' });
		next.on('error', (error) => options.log(`[realtime] feed connection: ${error.message}`));
		await next.connect();
		try {
			// Each poll is a decoding session that Postgres announces at LOG level (which ranks above
			// ERROR in the server log); our own errors reach us through the client anyway.
			await next.query('set log_min_messages to fatal');
			await next.query(`select pg_create_logical_replication_slot($1, 'pgoutput', true)`, [slot]);
			const { rows } = await next.query<{ names: string }>(
				`select string_agg(pubname, ',' order by pubname) as names from pg_publication where pubname = any($1::text[])`,
				[['supabase_realtime', ...(options.extraPublications ?? [])]]
			);
			publications = rows[0].names ?? 'supabase_realtime';
		} catch (error) {
			await next.end().catch(() => {});
			throw error;
		}
		client = next;
	};

	/** How many messages the slot gave. */
	const poll = async (): Promise<number> => {
		if (!client) await connect();
		const { rows } = await client!.query<{ data: Buffer }>(POLL_SQL, [slot, MAX_CHANGES_PER_POLL, publications]);
		const changes = decodeBatch(rows, relations, options.log);
		if (changes.length) await options.onChanges(changes);
		return rows.length;
	};

	const tick = async () => {
		let delay = POLL_MS;
		try {
			const count = await poll();
			if (count >= MAX_CHANGES_PER_POLL) delay = 0;
			else if (count > 0) delay = ACTIVE_POLL_MS;
		} catch (error) {
			if (stopped) return;
			options.log(`[realtime] change feed: ${(error as Error).message}; retrying`);
			const broken = client;
			client = null;
			await broken?.end().catch(() => {});
			delay = RETRY_MS;
		}
		if (!stopped) timer = setTimeout(() => (inFlight = tick()), delay);
	};

	await connect();
	timer = setTimeout(() => (inFlight = tick()), POLL_MS);

	return {
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await inFlight;
			const last = client as pg.Client | null;
			client = null;
			if (!last) return;
			// Dropped explicitly so a pooled or lingering session never keeps WAL around.
			await last.query('select pg_drop_replication_slot($1)', [slot]).catch(() => {});
			await last.end().catch(() => {});
		}
	};
}
