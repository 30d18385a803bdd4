// The other-platform path, run here: a stack whose PostgREST comes from POSTGREST_BIN answers the API as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { findPostgrest } from '../../supabase/local/postgrest-binary.ts';
import { startThrowawayStack, type ThrowawayStack } from '../../supabase/local/throwaway.ts';

let throwaway: ThrowawayStack;
const previous = process.env.POSTGREST_BIN;

beforeAll(async () => {
	process.env.POSTGREST_BIN = findPostgrest({ env: {} }).path;
	throwaway = await startThrowawayStack('feedback-postgrest-bin');
});

afterAll(async () => {
	if (previous === undefined) delete process.env.POSTGREST_BIN;
	else process.env.POSTGREST_BIN = previous;
	await throwaway?.dispose();
});

describe('a stack started with POSTGREST_BIN', () => {
	it('runs that binary', () => {
		expect(throwaway.stack.postgrest).toEqual({ path: process.env.POSTGREST_BIN, source: 'POSTGREST_BIN', version: 'PostgREST 12.0.2' });
	});

	it('serves PostgREST through the gateway, with RLS and grants as usual', async () => {
		const { stack } = throwaway;
		const anon = createClient<Database>(stack.apiUrl, stack.anonKey, { auth: { persistSession: false } });
		// The seed's demo campaign link, through the public RPC anon may call.
		const page = await anon.rpc('get_feedback_page', { p_token: 'demo-campaign-2026' });
		expect(page.error).toBeNull();
		expect(page.data).toMatchObject({ outcome: 'ok' });
		const asAnon = await anon.from('clients').select('id');
		expect(asAnon.error?.code).toBe('42501');
	});
});
