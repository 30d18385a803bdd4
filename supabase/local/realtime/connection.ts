// One websocket: decodes frames, answers heartbeats, and routes each frame to
// the channel of its topic. Frames are handled one at a time, in order, so an
// access_token sent right after a join applies to that join.
import type { WebSocket } from 'ws';
import { decodeFrame, encodeFrame, reply, type Frame, type Vsn } from './frames.ts';
import { Channel, type ChannelHost } from './channel.ts';

export type ConnectionOptions = Omit<ChannelHost, 'send'> & { vsn: Vsn };

export function serveConnection(ws: WebSocket, options: ConnectionOptions) {
	const channels = new Map<string, Channel>();
	const host: ChannelHost = {
		...options,
		send(frame: Frame) {
			if (ws.readyState === ws.OPEN) ws.send(encodeFrame(frame, options.vsn));
		}
	};
	let queue = Promise.resolve();

	const join = async (frame: Frame) => {
		// Phoenix replaces a channel joined twice on one socket.
		channels.get(frame.topic)?.close();
		const channel = new Channel(host, frame.topic);
		channel.onClosed = () => {
			if (channels.get(frame.topic) === channel) channels.delete(frame.topic);
		};
		if (!(await channel.join(frame))) return;
		channels.set(frame.topic, channel);
		// The socket may have closed while the join was checked.
		if (ws.readyState !== ws.OPEN) channel.close();
	};

	const handle = async (text: string) => {
		const frame = decodeFrame(text);
		if (!frame) return options.log(`[realtime] ignored a malformed frame: ${text.slice(0, 120)}`);
		if (frame.topic === 'phoenix') {
			if (frame.event === 'heartbeat') host.send(reply(frame, 'ok', {}));
			return;
		}
		if (frame.event === 'phx_join') return join(frame);
		const channel = channels.get(frame.topic);
		if (!channel) return host.send(reply(frame, 'error', { reason: 'unmatched topic' }));
		switch (frame.event) {
			case 'access_token':
				return channel.updateToken(frame);
			case 'phx_leave':
				return channel.leave(frame);
			case 'broadcast':
				return channel.relay(frame);
			case 'presence':
				// Presence is not tracked; the push is acknowledged so track() resolves.
				return host.send(reply(frame, 'ok', {}));
			default:
				if (frame.ref !== null) host.send(reply(frame, 'error', { reason: `unsupported event ${frame.event}` }));
		}
	};

	ws.on('message', (data, isBinary) => {
		// Binary frames only ever carry broadcasts, which this server relays as JSON only.
		if (isBinary) return;
		const text = data.toString();
		queue = queue.then(() => handle(text)).catch((error) => options.log(`[realtime] frame failed: ${(error as Error).message}`));
	});
	ws.on('error', (error) => options.log(`[realtime] socket error: ${error.message}`));
	ws.on('close', () => {
		for (const channel of [...channels.values()]) channel.close();
	});
}
