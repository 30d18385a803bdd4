// One joined Phoenix topic on one socket: join (with Realtime Authorization when the
// channel is private), access_token, leave, token expiry, and broadcast. It is the
// subscriber the dispatcher delivers postgres_changes to.
import type pg from 'pg';
import { verifyToken, type Claims } from './jwt.ts';
import { parseBindings, checkBindings, type Binding } from './bindings.ts';
import { reply, broadcastPayload, encodeUserBroadcast, type Broadcast, type Frame, type Vsn } from './frames.ts';
import { readPolicies, mayBroadcast, type ReadPolicies } from './policies.ts';
import type { Hub, Member } from './hub.ts';

export interface ChannelHost {
	send(frame: Frame): void;
	sendBinary(data: Buffer): void;
	vsn: Vsn;
	/** The socket's apikey: the token when a join carries none. */
	apikey: string;
	secret: Uint8Array;
	db: pg.Pool;
	hub: Hub<Channel>;
	log: (line: string) => void;
}

// setTimeout cannot wait longer; API keys live for years and never need the timer.
const MAX_TIMER_MS = 2 ** 31 - 1;

const cannotRead = (name: string) => `Unauthorized: You do not have permissions to read from this Channel topic: ${name}`;

export class Channel implements Member {
	host: ChannelHost;
	topic: string;
	name: string;
	joinRef: string | null = null;
	claims: Claims = { role: 'anon', exp: 0 };
	/** The token the claims came from: supabase-js sends it again on every heartbeat. */
	token: unknown = null;
	bindings: Binding[] = [];
	isPrivate = false;
	readsBroadcasts = true;
	/** Null until the first broadcast a private channel sends asks the INSERT policy. */
	mayWrite: boolean | null = null;
	broadcastSelf = false;
	ackBroadcast = false;
	open = false;
	onClosed: () => void = () => {};
	expiry: NodeJS.Timeout | undefined;

	constructor(host: ChannelHost, topic: string) {
		this.host = host;
		this.topic = topic;
		this.name = topic.replace(/^realtime:/i, '');
	}

	/** Answers the phx_join; true when the channel is now open. */
	async join(frame: Frame): Promise<boolean> {
		const config = (typeof frame.payload.config === 'object' && frame.payload.config) || {};
		const { postgres_changes, broadcast, private: isPrivate } = config as Record<string, unknown>;
		const refuse = (reason: string) => (this.host.send(reply(frame, 'error', { reason })), false);
		const sentToken = frame.payload.access_token ?? this.host.apikey;
		const token = await verifyToken(sentToken, this.host.secret);
		if (!token.ok) return refuse(token.reason);
		let bindings: Binding[];
		try {
			bindings = parseBindings(postgres_changes);
		} catch (error) {
			return refuse((error as Error).message);
		}
		const problem = await checkBindings(this.host.db, bindings);
		if (problem) return refuse(problem);
		if (isPrivate === true) {
			const policies = await this.readPolicies(token.claims);
			if (!policies?.broadcast && !policies?.presence) return refuse(cannotRead(this.name));
			this.readsBroadcasts = policies.broadcast;
		}

		Object.assign(this, {
			joinRef: frame.joinRef,
			claims: token.claims,
			token: sentToken,
			bindings,
			isPrivate: isPrivate === true,
			open: true
		});
		const options = (broadcast ?? {}) as { self?: unknown; ack?: unknown };
		this.broadcastSelf = options.self === true;
		this.ackBroadcast = options.ack === true;
		this.host.hub.add(this);
		this.watchExpiry();
		this.host.send(reply(frame, 'ok', { postgres_changes: bindings.map((binding) => binding.echo) }));
		if (bindings.length) this.system('postgres_changes', 'ok', 'Subscribed to PostgreSQL');
		return true;
	}

	/** A new token for this subscriber; a bad one, or one the read policy now refuses, ends the channel. */
	async updateToken(frame: Frame) {
		// The same token again changes nothing (hosted skips it too), so no policy check runs per heartbeat.
		if (frame.payload.access_token === this.token) return;
		const check = await verifyToken(frame.payload.access_token, this.host.secret);
		if (!this.open) return;
		if (!check.ok) return this.fail(check.reason);
		if (this.isPrivate) {
			const policies = await this.readPolicies(check.claims);
			if (!this.open) return;
			if (!policies?.broadcast && !policies?.presence)
				return this.fail(`You no longer have permission to read from this Channel topic: ${this.name}`);
			this.readsBroadcasts = policies.broadcast;
			this.mayWrite = null;
		}
		this.claims = check.claims;
		this.token = frame.payload.access_token;
		this.watchExpiry();
	}

	leave(frame: Frame) {
		this.host.send(reply(frame, 'ok', {}));
		this.sendClose();
		this.close();
	}

	/**
	 * A broadcast sent on this channel, passed on to the topic's other channels (and back with
	 * `self`). On a private channel it needs the INSERT policy; without it, it is dropped
	 * without a reply, as hosted Realtime does.
	 */
	async relay(broadcast: Broadcast, request: Frame) {
		if (this.isPrivate) {
			this.mayWrite ??= await mayBroadcast(this.host.db, { topic: this.name, claims: this.claims }).catch((error: Error) => {
				this.host.log(`[realtime] broadcast policy check on ${this.name} failed: ${error.message}`);
				return false;
			});
			if (!this.mayWrite || !this.open) return;
		}
		this.host.hub.broadcast(this.name, this.isPrivate, broadcast, this.broadcastSelf ? undefined : this);
		if (this.ackBroadcast && request.ref !== null) this.host.send(reply(request, 'ok', {}));
	}

	/** 2.0.0 sockets get user broadcasts as binary frames, as hosted sends them; the rest travel as JSON. */
	pushBroadcast(broadcast: Broadcast) {
		if (!this.open) return;
		if (this.host.vsn === '2.0.0' && broadcast.user) {
			const frame = encodeUserBroadcast(this.topic, broadcast);
			if (frame) return this.host.sendBinary(frame);
		}
		// A 1.0.0 socket cannot carry bytes.
		if (broadcast.binary) return;
		this.push('broadcast', broadcastPayload(broadcast), null);
	}

	deliver(payload: { ids: number[]; data: Record<string, unknown> }) {
		if (this.open) this.push('postgres_changes', payload, null);
	}

	push(event: string, payload: Record<string, unknown>, joinRef: string | null, ref: string | null = null) {
		if (this.open) this.host.send({ joinRef, ref, topic: this.topic, event, payload });
	}

	close() {
		if (!this.open) return;
		this.open = false;
		clearTimeout(this.expiry);
		this.host.hub.remove(this);
		this.onClosed();
	}

	/** Ends the channel with a system error, as the server does when a limit or a token ends it. */
	fail(reason: string) {
		this.system('system', 'error', reason);
		this.sendClose();
		this.close();
	}

	private async readPolicies(claims: Claims): Promise<ReadPolicies | null> {
		try {
			return await readPolicies(this.host.db, { topic: this.name, claims });
		} catch (error) {
			// A policy that errors (or a role that does not exist) refuses, as on hosted.
			this.host.log(`[realtime] read policy check on ${this.name} as ${claims.role} failed: ${(error as Error).message}`);
			return null;
		}
	}

	private system(extension: string, status: 'ok' | 'error', message: string) {
		this.push('system', { extension, status, message, channel: this.name }, this.joinRef);
	}

	private sendClose() {
		this.push('phx_close', {}, this.joinRef, this.joinRef);
	}

	private watchExpiry() {
		clearTimeout(this.expiry);
		const remaining = this.claims.exp * 1000 - Date.now();
		if (remaining > MAX_TIMER_MS) return;
		this.expiry = setTimeout(() => this.fail('Token has expired 0 seconds ago'), Math.max(0, remaining));
	}
}
