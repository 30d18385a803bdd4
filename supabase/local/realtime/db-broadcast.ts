// Broadcast from the database: rows that realtime.send() inserts into realtime.messages
// reach the local server by logical decoding, like postgres_changes, and go to the
// channels of their topic (private rows to private channels only). Hosted Realtime reads
// the same rows the same way (lib/realtime/tenants/replication_connection.ex there).
import type pg from 'pg';
import type { Change } from './changes.ts';
import type { Hub } from './hub.ts';

export const MESSAGES_PUBLICATION = 'supabase_realtime_messages_publication';
// Hosted keeps about three days of messages (it drops old daily partitions).
const RETENTION = '3 days';
const CLEANUP_EVERY_MS = 60 * 60 * 1000;

/** realtime.messages, or one of its partitions (hosted publishes those by name). */
export function isMessagesRelation(change: Change): boolean {
	return change.relation.schema === 'realtime' && change.relation.table.startsWith('messages');
}

export function deliverDatabaseMessages(changes: Change[], hub: Hub, log: (line: string) => void) {
	for (const change of changes) {
		if (change.type !== 'INSERT' || !change.newTuple) continue;
		const row = new Map(change.relation.columns.map((column, i) => [column.name, change.newTuple![i]]));
		const [topic, event, payload, extension] = ['topic', 'event', 'payload', 'extension'].map((name) => row.get(name));
		if (extension !== 'broadcast' || !topic || !event || payload == null) continue;
		let parsed: unknown;
		try {
			parsed = JSON.parse(payload);
		} catch {
			log(`[realtime] skipped a realtime.messages row whose payload is not JSON`);
			continue;
		}
		const id = row.get('id');
		hub.broadcast(topic, row.get('private') === 't', { event, payload: parsed, binary: false, user: false, meta: id ? { id } : undefined });
	}
}

/** Deletes old messages now and every hour, so realtime.messages does not grow for ever. */
export function startMessageCleanup(db: pg.Pool, log: (line: string) => void): () => void {
	const cleanup = () =>
		db
			.query(`delete from realtime.messages where inserted_at < now() - interval '${RETENTION}'`)
			.catch((error: Error) => log(`[realtime] messages cleanup: ${error.message}`));
	void cleanup();
	const timer = setInterval(cleanup, CLEANUP_EVERY_MS);
	timer.unref();
	return () => clearInterval(timer);
}
