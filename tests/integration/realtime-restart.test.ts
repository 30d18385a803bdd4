// A Realtime server that restarts (as after a crash) loses its sockets; the
// supabase-js client must rejoin by itself and get changes made afterwards.
// Uses its own stack so the shared one keeps running undisturbed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Stack } from '../../supabase/local/stack.ts';
import { startThrowawayStack } from '../../supabase/local/throwaway.ts';
import { createTable, userToken, userClient } from './realtime-helpers.ts';
import { listen } from './realtime-listen.ts';

let stack: Stack;
let disposeStack: () => Promise<void> = async () => {};
let db: pg.Client;
let cleanup: () => Promise<unknown> = async () => {};

beforeAll(async () => {
	({ stack, dispose: disposeStack } = await startThrowawayStack('feedback-realtime'));
	db = new pg.Client({ connectionString: stack.dbUrl });
	await db.connect();
});

afterAll(async () => {
	await cleanup();
	await db?.end();
	await disposeStack();
});

describe('realtime restart', () => {
	it('delivers changes made after a Realtime restart to the client once it has rejoined', async () => {
		const name = await createTable(db);
		const alice = randomUUID();
		const { client } = userClient(stack, await userToken(stack.jwtSecret, alice));
		cleanup = () => client.removeAllChannels();
		const feed = await listen(client, name);
		await feed.subscribed;
		await db.query(`insert into public.${name} (owner, body) values ($1, 'before')`, [alice]);
		await feed.event((p) => p.new.body === 'before');

		const slots = async () =>
			(await db.query(`select slot_name from pg_replication_slots where slot_name like 'realtime_local_%'`)).rows.map(
				(row) => row.slot_name
			);
		const [before] = await slots();
		await stack.restartRealtime();
		// The stopped server dropped its slot; the new one made its own.
		const afterRestart = await slots();
		expect(afterRestart).toHaveLength(1);
		expect(afterRestart[0]).not.toBe(before);
		// realtime-js reconnects after 1 s by default, then rejoins the channel: a second SUBSCRIBED.
		await feed.until(() => (feed.statuses.filter((s) => s === 'SUBSCRIBED').length >= 2 ? true : undefined), 'the rejoin', 10_000);
		await db.query(`insert into public.${name} (owner, body) values ($1, 'after')`, [alice]);
		const after = await feed.event((p) => p.new.body === 'after');
		expect(after.payload).toMatchObject({ eventType: 'INSERT', table: name, new: { owner: alice, body: 'after' } });
	});
});
