// The stack's supervisor on a real stack of its own: a killed PostgREST, a crashed Auth or Realtime server
// comes back by itself with the reason in the log; a killed PostgreSQL is reported as such, comes back, and
// PostgREST and Auth reconnect to it without being restarted.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import type { Stack } from '../../supabase/local/stack.ts';
import { startThrowawayStack } from '../../supabase/local/throwaway.ts';

let stack: Stack;
let dispose: () => Promise<void> = async () => {};
const lines: string[] = [];

beforeAll(async () => {
	({ stack, dispose } = await startThrowawayStack('feedback-supervisor', { log: (line) => lines.push(line) }));
}, 120_000);

afterAll(async () => {
	await dispose();
});

const anon = () => createClient(stack.apiUrl, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });

async function eventually<T>(attempt: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await attempt().catch(() => undefined as T);
		if (value !== undefined && accept(value)) return value;
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

const pageAnswers = () =>
	eventually(
		async () => (await anon().rpc('get_feedback_page', { p_token: 'demo-campaign-2026' })).data as { outcome?: string } | null,
		(data) => data?.outcome === 'ok'
	);

const signInWorks = () =>
	eventually(
		async () => (await anon().auth.signInWithPassword({ email: 'agent@demo.local', password: 'demo-password' })).error,
		(error) => error === null
	);

const logged = (pattern: RegExp) => eventually(async () => lines.some((line) => pattern.test(line)), Boolean);

describe('stack supervisor', () => {
	it('restarts a killed PostgREST and logs why', async () => {
		await pageAnswers();
		const [, postgrestPid] = stack.childPids();
		process.kill(postgrestPid, 'SIGKILL');
		await logged(/\[supervisor\] PostgREST died \(killed by SIGKILL\); restarting in \d+ ms/);
		await logged(/\[supervisor\] PostgREST is running again/);
		await pageAnswers();
		expect(stack.childPids()[1]).not.toBe(postgrestPid);
	});

	it('restarts a crashed Auth server and a crashed Realtime server', async () => {
		await stack.supervisor.crash('auth');
		await stack.supervisor.crash('realtime');
		await logged(/\[supervisor\] Auth died \(port \d+ refuses connections\)/);
		await logged(/\[supervisor\] Realtime died \(port \d+ refuses connections\)/);
		await logged(/\[supervisor\] Realtime is running again/);
		await signInWorks();
	});

	it('reports a PostgreSQL crash clearly, brings it back, and the servers reconnect', async () => {
		const [postgresPid] = stack.childPids();
		process.kill(postgresPid, 'SIGKILL');
		await logged(/\[supervisor\] PostgreSQL died \(killed by SIGKILL: the database is down, and the servers reconnect once it is back\)/);
		await logged(/\[supervisor\] PostgreSQL is running again/);
		expect(stack.childPids()[0]).not.toBe(postgresPid);
		await pageAnswers();
		await signInWorks();
		// PostgREST reconnected by itself: it was never restarted after the database came back.
		expect(lines.filter((line) => /PostgREST is running again/.test(line))).toHaveLength(1);
	}, 60_000);
});
