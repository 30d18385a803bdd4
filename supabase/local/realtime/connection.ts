// One websocket: decodes frames (JSON, and realtime-js's binary broadcast pushes),
// answers heartbeats, enforces the per-socket limits, and routes each frame to the
// channel of its topic. Frames are handled one at a time, in order, so an access_token
// sent right after a join applies to that join.
import type { WebSocket } from 'ws';
import { decodeFrame, decodeBinaryPush, encodeFrame, reply, type Broadcast, type Frame, type Vsn } from './frames.ts';
import { Channel, type ChannelHost } from './channel.ts';

/** Hosted Realtime's limits, per socket here (see README); tests shorten them. */
export interface RealtimeLimits {
	maxChannelsPerSocket: number;
	maxJoinsPerSecond: number;
	/**
	 * A socket that sends nothing for this long, not even a heartbeat (realtime-js sends one every 25 s),
	 * is closed: Phoenix's websocket idle timeout, which hosted Realtime keeps at its default of 60 s.
	 */
	heartbeatTimeoutMs: number;
}

export const DEFAULT_LIMITS: RealtimeLimits = { maxChannelsPerSocket: 100, maxJoinsPerSecond: 100, heartbeatTimeoutMs: 60_000 };

export type ConnectionOptions = Omit<ChannelHost, 'send' | 'sendBinary'> & { vsn: Vsn; limits: RealtimeLimits };

/** Join attempts in the last second, oldest first. */
class JoinRate {
	times: number[] = [];
	limit: number;
	constructor(limit: number) {
		this.limit = limit;
	}
	/** Records an attempt; false when it is one too many. */
	allow(now = performance.now()): boolean {
		while (this.times.length && now - this.times[0] >= 1000) this.times.shift();
		if (this.times.length >= this.limit) return false;
		this.times.push(now);
		return true;
	}
}

export function serveConnection(ws: WebSocket, options: ConnectionOptions) {
	const { limits, log } = options;
	const channels = new Map<string, Channel>();
	const joins = new JoinRate(limits.maxJoinsPerSecond);
	const host: ChannelHost = {
		...options,
		send(frame: Frame) {
			if (ws.readyState === ws.OPEN) ws.send(encodeFrame(frame, options.vsn));
		},
		sendBinary(data: Buffer) {
			if (ws.readyState === ws.OPEN) ws.send(data, { binary: true });
		}
	};
	let queue = Promise.resolve();

	// A silent socket (a dead peer, or one that never speaks) is closed without a close handshake it cannot answer.
	const idle = setTimeout(() => {
		log('[realtime] closing a socket silent for longer than the heartbeat timeout');
		ws.terminate();
	}, limits.heartbeatTimeoutMs);

	const join = async (frame: Frame) => {
		if (!joins.allow()) {
			host.send(reply(frame, 'error', { reason: 'ClientJoinRateLimitReached: Too many joins per second' }));
			// Hosted disconnects the socket that joins too fast; realtime-js reconnects after its backoff.
			return ws.close(1000, 'too many joins per second');
		}
		// Phoenix replaces a channel joined twice on one socket.
		const previous = channels.get(frame.topic);
		if (!previous && channels.size >= limits.maxChannelsPerSocket) {
			return host.send(reply(frame, 'error', { reason: 'ChannelRateLimitReached: Too many channels' }));
		}
		previous?.close();
		channels.delete(frame.topic);
		const channel = new Channel(host, frame.topic);
		// Held while the join is checked, so the cap counts it.
		channels.set(frame.topic, channel);
		channel.onClosed = () => {
			if (channels.get(frame.topic) === channel) channels.delete(frame.topic);
		};
		if (!(await channel.join(frame))) {
			if (channels.get(frame.topic) === channel) channels.delete(frame.topic);
			return;
		}
		// The socket may have closed while the join was checked.
		if (ws.readyState !== ws.OPEN) channel.close();
	};

	const handle = async (frame: Frame, binary?: Broadcast) => {
		if (frame.topic === 'phoenix') {
			if (frame.event === 'heartbeat') host.send(reply(frame, 'ok', {}));
			return;
		}
		if (frame.event === 'phx_join') return join(frame);
		const channel = channels.get(frame.topic);
		if (!channel?.open) return host.send(reply(frame, 'error', { reason: 'unmatched topic' }));
		switch (frame.event) {
			case 'access_token':
				return channel.updateToken(frame);
			case 'phx_leave':
				return channel.leave(frame);
			case 'broadcast':
				return channel.relay(binary ?? textBroadcast(frame.payload), frame);
			case 'presence':
				// Presence is not tracked; the push is acknowledged so track() resolves.
				return host.send(reply(frame, 'ok', {}));
			default:
				if (frame.ref !== null) host.send(reply(frame, 'error', { reason: `unsupported event ${frame.event}` }));
		}
	};

	const enqueue = (work: () => Promise<unknown>) => {
		queue = queue.then(work).then(
			() => {},
			(error) => log(`[realtime] frame failed: ${(error as Error).message}`)
		);
	};

	ws.on('message', (data, isBinary) => {
		idle.refresh();
		if (isBinary) {
			const push = decodeBinaryPush(Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]));
			if (!push) return log('[realtime] ignored a malformed binary frame');
			const frame: Frame = { joinRef: push.joinRef, ref: push.ref, topic: push.topic, event: 'broadcast', payload: {} };
			return enqueue(() => handle(frame, push.broadcast));
		}
		const text = data.toString();
		const frame = decodeFrame(text);
		if (!frame) return log(`[realtime] ignored a malformed frame: ${text.slice(0, 120)}`);
		enqueue(() => handle(frame));
	});
	ws.on('error', (error) => log(`[realtime] socket error: ${error.message}`));
	ws.on('close', () => {
		clearTimeout(idle);
		for (const channel of [...channels.values()]) channel.close();
	});
}

/** A broadcast pushed as JSON: `{type, event, payload}`, passed on as sent. */
function textBroadcast(payload: Record<string, unknown>): Broadcast {
	return { event: String(payload.event ?? ''), payload: payload.payload, binary: false, user: false, raw: payload };
}
