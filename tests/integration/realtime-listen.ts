// A supabase-js channel whose change events, statuses and system messages
// are recorded and can be awaited.
/* eslint-disable @typescript-eslint/no-explicit-any -- Phoenix frames and change payloads are untyped JSON these tests pick apart. */
import { randomUUID } from 'node:crypto';
import type { SupabaseClient, RealtimeChannel } from '@supabase/supabase-js';

export interface Received {
	index: number;
	payload: any;
	at: number;
}

export interface BindingSpec {
	event: '*' | 'INSERT' | 'UPDATE' | 'DELETE';
	filter?: string;
}

/** Conditions over recorded events that can be awaited; call `notify` after recording each event. */
export function waiter() {
	const wake = new Set<() => void>();
	/** Resolves with the first non-undefined value of `check`, re-evaluated on every event. */
	function until<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
		return new Promise((resolve, reject) => {
			const attempt = () => {
				const value = check();
				if (value === undefined) return;
				done();
				resolve(value);
			};
			const timer = setTimeout(() => (done(), reject(new Error(`timed out waiting for ${what}`))), timeoutMs);
			const done = () => (clearTimeout(timer), wake.delete(attempt));
			wake.add(attempt);
			attempt();
		});
	}
	return { notify: () => wake.forEach((fn) => fn()), until };
}

/** Subscribes one channel with the given bindings; every callback, status and system message is recorded. */
export async function listen(client: SupabaseClient, table: string, bindings: BindingSpec[] = [{ event: '*' }]) {
	const received: Received[] = [];
	const statuses: string[] = [];
	const system: any[] = [];
	const { notify, until } = waiter();
	// Without this the join can leave before supabase-js has fetched the token, and go out as anon.
	await client.realtime.setAuth();
	const channel: RealtimeChannel = client.channel(`test-${randomUUID()}`);
	bindings.forEach((binding, index) => {
		const spec = { event: binding.event, schema: 'public', table, ...(binding.filter ? { filter: binding.filter } : {}) };
		channel.on('postgres_changes' as any, spec as any, (payload: any) => {
			received.push({ index, payload, at: performance.now() });
			notify();
		});
	});
	channel.on('system', {}, (payload: any) => {
		system.push(payload);
		notify();
	});

	const subscribed = new Promise<void>((resolve, reject) => {
		channel.subscribe((status, error) => {
			statuses.push(status);
			notify();
			if (status === 'SUBSCRIBED') resolve();
			else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(error ?? new Error(status));
		});
	});

	return {
		channel,
		received,
		statuses,
		system,
		subscribed,
		until,
		/** The first event matching `match`, past or future. */
		event: (match: (payload: any) => boolean, timeoutMs = 3000) =>
			until(() => received.find((r) => match(r.payload)), 'a matching change', timeoutMs)
	};
}

/** Bounded wait for checking that something did NOT arrive. */
export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
