// A supabase-js channel for Broadcast tests: every broadcast, status and system message
// is recorded and can be awaited.
/* eslint-disable @typescript-eslint/no-explicit-any -- Phoenix frames and change payloads are untyped JSON these tests pick apart. */
import type { SupabaseClient, RealtimeChannel } from '@supabase/supabase-js';
import { waiter } from './realtime-listen.ts';

export interface ChannelOptions {
	isPrivate?: boolean;
	self?: boolean;
	ack?: boolean;
}

/** Joins `name` on the client's socket with supabase-js's defaults plus `options`. */
export async function joinChannel(client: SupabaseClient, name: string, options: ChannelOptions = {}) {
	const broadcasts: { event: string; payload: any; meta?: any }[] = [];
	const statuses: { status: string; error?: Error }[] = [];
	const system: any[] = [];
	const { notify, until } = waiter();
	// Without this the join can leave before supabase-js has fetched the token, and go out as anon.
	await client.realtime.setAuth();
	const channel: RealtimeChannel = client.channel(name, {
		config: { private: options.isPrivate ?? false, broadcast: { self: options.self ?? false, ack: options.ack ?? false } }
	});
	channel.on('broadcast', { event: '*' }, (message: any) => {
		broadcasts.push({ event: message.event, payload: message.payload, meta: message.meta });
		notify();
	});
	channel.on('system', {}, (payload: any) => {
		system.push(payload);
		notify();
	});

	// Settles with the first outcome; later statuses are still recorded.
	const outcome = new Promise<{ status: string; error?: Error }>((resolve) => {
		channel.subscribe((status, error) => {
			statuses.push({ status, error });
			notify();
			if (status !== 'CLOSED') resolve({ status, error });
		});
	});

	return {
		channel,
		broadcasts,
		statuses,
		system,
		outcome,
		until,
		/** Resolves once joined; rejects with the server's reason otherwise. */
		async subscribed() {
			const { status, error } = await outcome;
			if (status !== 'SUBSCRIBED') throw error ?? new Error(status);
		},
		/** The first broadcast of `event` matching `match`, past or future. */
		broadcast: (event: string, match: (payload: any) => boolean = () => true, timeoutMs = 3000) =>
			until(() => broadcasts.find((b) => b.event === event && match(b.payload)), `a "${event}" broadcast`, timeoutMs)
	};
}

export type JoinedChannel = Awaited<ReturnType<typeof joinChannel>>;
