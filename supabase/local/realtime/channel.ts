// One joined Phoenix topic on one socket: join, access_token, leave, token
// expiry, and a plain relay for public broadcast. It is the subscriber the
// dispatcher delivers postgres_changes to.
import type pg from 'pg';
import { verifyToken, type Claims } from './jwt.ts';
import { parseBindings, checkBindings, type Binding } from './bindings.ts';
import { reply, type Frame } from './frames.ts';
import type { Subscriber } from './dispatch.ts';

export interface ChannelHost {
	send(frame: Frame): void;
	/** The socket's apikey: the token when a join carries none. */
	apikey: string;
	secret: Uint8Array;
	db: pg.Pool;
	/** Every joined channel of the server (the dispatcher's subscribers). */
	joined: Set<Channel>;
	log: (line: string) => void;
}

// setTimeout cannot wait longer; API keys live for years and never need the timer.
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Channel implements Subscriber {
	host: ChannelHost;
	topic: string;
	name: string;
	joinRef: string | null = null;
	claims: Claims = { role: 'anon', exp: 0 };
	bindings: Binding[] = [];
	broadcastSelf = false;
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
		if (isPrivate === true) return refuse('Private channels (Realtime Authorization) are not supported by the local Realtime server');
		const token = await verifyToken(frame.payload.access_token ?? this.host.apikey, this.host.secret);
		if (!token.ok) return refuse(token.reason);
		let bindings: Binding[];
		try {
			bindings = parseBindings(postgres_changes);
		} catch (error) {
			return refuse((error as Error).message);
		}
		const problem = await checkBindings(this.host.db, bindings);
		if (problem) return refuse(problem);

		Object.assign(this, { joinRef: frame.joinRef, claims: token.claims, bindings, open: true });
		this.broadcastSelf = (broadcast as { self?: unknown } | undefined)?.self === true;
		this.host.joined.add(this);
		this.watchExpiry();
		this.host.send(reply(frame, 'ok', { postgres_changes: bindings.map((binding) => binding.echo) }));
		if (bindings.length) this.system('postgres_changes', 'ok', 'Subscribed to PostgreSQL');
		return true;
	}

	/** A new token for this subscriber; a bad one ends the channel, as on Supabase. */
	async updateToken(frame: Frame) {
		const check = await verifyToken(frame.payload.access_token, this.host.secret);
		if (!this.open) return;
		if (!check.ok) return this.fail(check.reason);
		this.claims = check.claims;
		this.watchExpiry();
	}

	leave(frame: Frame) {
		this.host.send(reply(frame, 'ok', {}));
		this.sendClose();
		this.close();
	}

	/** Public broadcast: passed on to every channel of the same topic (and back, with `self`). */
	relay(frame: Frame) {
		for (const peer of this.host.joined) {
			if (peer.topic === this.topic && (peer !== this || this.broadcastSelf)) peer.push('broadcast', frame.payload, null);
		}
		if (frame.ref !== null) this.host.send(reply(frame, 'ok', {}));
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
		this.host.joined.delete(this);
		this.onClosed();
	}

	private system(extension: string, status: 'ok' | 'error', message: string) {
		this.push('system', { extension, status, message, channel: this.name }, this.joinRef);
	}

	private sendClose() {
		this.push('phx_close', {}, this.joinRef, this.joinRef);
	}

	private fail(reason: string) {
		this.system('system', 'error', reason);
		this.sendClose();
		this.close();
	}

	private watchExpiry() {
		clearTimeout(this.expiry);
		const remaining = this.claims.exp * 1000 - Date.now();
		if (remaining > MAX_TIMER_MS) return;
		this.expiry = setTimeout(() => this.fail('Token has expired 0 seconds ago'), Math.max(0, remaining));
	}
}
