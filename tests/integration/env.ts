// The running test stack, as the environment describes it, and supabase-js clients for each kind of caller.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import type { Database } from '../../src/lib/database.types.ts';

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run through \`npm test\` or vitest's global setup`);
	return value;
}

export const apiUrl = () => required('PUBLIC_SUPABASE_URL');
export const anonKey = () => required('PUBLIC_SUPABASE_ANON_KEY');
export const serviceRoleKey = () => required('SUPABASE_SERVICE_ROLE_KEY');
export const dbUrl = () => required('SUPABASE_DB_URL');
export const jwtSecret = () => required('SUPABASE_JWT_SECRET');

const noPersistence = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

export function anonClient(): SupabaseClient<Database> {
	return createClient<Database>(apiUrl(), anonKey(), noPersistence);
}

export function serviceClient(): SupabaseClient<Database> {
	return createClient<Database>(apiUrl(), serviceRoleKey(), noPersistence);
}

/** A superuser connection for assertions about stored rows; the caller ends it. */
export async function superuser(): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: dbUrl() });
	await client.connect();
	return client;
}
