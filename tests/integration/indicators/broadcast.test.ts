// Broadcast from the database: a rollup change sends one message per transaction on the private topic
// 'dashboard', which RLS on realtime.messages opens to indicator readers and refuses to agents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { superuser } from '../env.ts';
import { demoStaff, signIn, type Client } from '../actors.ts';
import { joinChannel } from '../realtime-channels.ts';
import { createClientRow, createResponse } from './fixtures.ts';

let db: pg.Client;
let manager: Client;
let accountManager: Client;
let agent: Client;

beforeAll(async () => {
	db = await superuser();
	[manager, accountManager, agent] = await Promise.all([
		signIn(demoStaff.manager.email),
		signIn(demoStaff.accountManager.email),
		signIn(demoStaff.agent.email)
	]);
});
afterAll(async () => {
	for (const client of [manager, accountManager, agent]) await client.removeAllChannels();
	await db.end();
});

describe('dashboard broadcast', () => {
	it('refuses the private dashboard channel to an agent', async () => {
		const refused = await joinChannel(agent, 'dashboard', { isPrivate: true });
		await expect(refused.subscribed()).rejects.toThrow(/Unauthorized/);
	});

	it('tells managers and account managers that the figures changed, once per transaction', async () => {
		const managerChannel = await joinChannel(manager, 'dashboard', { isPrivate: true });
		const accountChannel = await joinChannel(accountManager, 'dashboard', { isPrivate: true });
		await Promise.all([managerChannel.subscribed(), accountChannel.subscribed()]);
		const client = await createClientRow(db);

		await db.query('begin');
		await createResponse(db, { clientId: client, at: new Date().toISOString(), csat: 5 });
		await createResponse(db, { clientId: null, at: new Date().toISOString(), csat: 2 });
		// Counted inside the transaction (its messages carry its start time), so other tests' writes do not count.
		const sent = await db.query(
			`select count(*)::integer as n from realtime.messages where topic = 'dashboard' and inserted_at = now()::timestamp`
		);
		await db.query('commit');
		expect(sent.rows[0].n).toBe(1);

		expect((await managerChannel.broadcast('rollups_changed')).payload).toMatchObject({ source: expect.any(String) });
		expect((await accountChannel.broadcast('rollups_changed')).payload).toMatchObject({ source: expect.any(String) });
	});
});
