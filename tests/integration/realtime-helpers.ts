// Helpers for the Realtime tests: a throwaway published table with RLS, user
// tokens and clients, and a per-file fixture that cleans them all up.
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, afterAll } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { signJwt } from '../../supabase/local/keys.ts';
import { apiUrl, anonKey, jwtSecret, superuser } from './env.ts';

export interface Target {
	apiUrl: string;
	anonKey: string;
	jwtSecret: string;
}

/** Readable by its owner, or by anyone whose JWT carries the row's team. */
export async function createTable(db: pg.Client, { publish = true } = {}): Promise<string> {
	const name = `rt_${randomBytes(5).toString('hex')}`;
	await db.query(`create table public.${name} (
		id bigint generated always as identity primary key,
		owner uuid not null,
		team text,
		body text,
		score int,
		meta jsonb,
		done boolean not null default false,
		created_at timestamptz not null default now()
	)`);
	await db.query(`alter table public.${name} enable row level security`);
	await db.query(
		`create policy readable on public.${name} for select to authenticated using (owner = auth.uid() or team = auth.jwt() ->> 'team')`
	);
	// Nothing is granted by default (as on hosted Supabase since 2026): each role is named.
	await db.query(`grant select on public.${name} to authenticated, service_role`);
	if (publish) await db.query(`alter publication supabase_realtime add table public.${name}`);
	return name;
}

/** An access token as the Auth server would mint it for a signed-in user. */
export function userToken(jwtSecret: string, sub: string, extra: Record<string, unknown> = {}): Promise<string> {
	const iat = Math.floor(Date.now() / 1000);
	return signJwt({ sub, role: 'authenticated', aud: 'authenticated', exp: iat + 3600, iat, session_id: randomUUID(), ...extra }, jwtSecret);
}

/** A supabase-js client whose Realtime token comes from `auth.token` (Realtime only verifies the JWT). */
export function userClient(target: Target, token: string) {
	const auth = { token };
	const client = createClient(target.apiUrl, target.anonKey, { accessToken: async () => auth.token });
	return {
		client,
		/** Swaps the token and pushes it to joined channels over the socket (`access_token`). */
		async setToken(next: string) {
			auth.token = next;
			await client.realtime.setAuth();
		}
	};
}

/** The shared test stack, a superuser connection, and tables and clients dropped after the file. */
export function useRealtimeFixture() {
	const clients: SupabaseClient[] = [];
	const tables: string[] = [];
	const fixture = {
		db: undefined as unknown as pg.Client,
		target: undefined as unknown as Target,
		async table(options?: { publish?: boolean }) {
			const name = await createTable(fixture.db, options);
			tables.push(name);
			return name;
		},
		async user(sub: string, extra: Record<string, unknown> = {}) {
			const made = userClient(fixture.target, await userToken(fixture.target.jwtSecret, sub, extra));
			clients.push(made.client);
			return made;
		},
		client(key: string) {
			const client = createClient(fixture.target.apiUrl, key, { auth: { persistSession: false, autoRefreshToken: false } });
			clients.push(client);
			return client;
		}
	};
	beforeAll(async () => {
		fixture.db = await superuser();
		fixture.target = { apiUrl: apiUrl(), anonKey: anonKey(), jwtSecret: jwtSecret() };
	});
	afterAll(async () => {
		for (const client of clients) await client.removeAllChannels();
		for (const name of tables) await fixture.db.query(`drop table if exists public.${name}`);
		await fixture.db.end();
	});
	return fixture;
}
