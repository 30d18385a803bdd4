// The local Realtime server: `postgres_changes`, Broadcast (websocket, REST and from
// the database) and private channels over the Phoenix-channel protocol realtime-js
// speaks, fed by logical decoding (changes.ts), with every access decision made by
// Postgres itself (authorize.ts, policies.ts).
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import pg from 'pg';
import { WebSocketServer, type WebSocket } from 'ws';
import { secretKey } from '../keys.ts';
import { verifyToken } from './jwt.ts';
import { startChangeFeed } from './changes.ts';
import { dispatchChanges } from './dispatch.ts';
import { serveConnection, DEFAULT_LIMITS, type RealtimeLimits } from './connection.ts';
import { handleBroadcastRequest } from './rest.ts';
import { isMessagesRelation, deliverDatabaseMessages, startMessageCleanup, MESSAGES_PUBLICATION } from './db-broadcast.ts';
import { Hub } from './hub.ts';
import type { Channel } from './channel.ts';

export interface RealtimeOptions {
	port: number;
	host: string;
	dbUrl: string;
	jwtSecret: string;
	limits?: Partial<RealtimeLimits>;
	log?: (line: string) => void;
}

export interface RealtimeHandle {
	port: number;
	stop(): Promise<void>;
}

const SOCKET_PATHS = new Set(['/socket/websocket', '/realtime/v1/websocket']);
const MAX_FRAME_BYTES = 1024 * 1024;

function apikeyOf(req: IncomingMessage, url: URL): string | null {
	const header = req.headers['x-api-key'] ?? req.headers['apikey'];
	return url.searchParams.get('apikey') || (typeof header === 'string' ? header : null);
}

function refuse(socket: Duplex, status: string) {
	socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
}

export async function startRealtimeServer(options: RealtimeOptions): Promise<RealtimeHandle> {
	const log = options.log ?? (() => {});
	const secret = secretKey(options.jwtSecret);
	const db = new pg.Pool({ connectionString: options.dbUrl, max: 4, application_name: 'local-realtime' });
	db.on('error', (error) => log(`[realtime] pool: ${error.message}`));
	const limits = { ...DEFAULT_LIMITS, ...options.limits };
	const hub = new Hub<Channel>();
	const feed = await startChangeFeed({
		dbUrl: options.dbUrl,
		log,
		extraPublications: [MESSAGES_PUBLICATION],
		onChanges: async (changes) => {
			if (!hub.joined.size) return;
			deliverDatabaseMessages(changes.filter(isMessagesRelation), hub, log);
			const rowChanges = changes.filter((change) => !isMessagesRelation(change));
			if (rowChanges.length) await dispatchChanges(db, rowChanges, hub.joined, log);
		}
	});
	const stopCleanup = startMessageCleanup(db, log);

	const sockets = new Set<WebSocket>();
	const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
	const rest = { db, hub, secret, maxBodyBytes: MAX_FRAME_BYTES, log };
	const server = createServer(async (req, res) => {
		if (await handleBroadcastRequest(rest, req, res)) return;
		const ok = req.method === 'GET' && (req.url === '/' || req.url === '/api/health');
		res
			.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' })
			.end(JSON.stringify(ok ? { status: 'ok' } : { message: 'Not found' }));
	});

	const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
		socket.on('error', () => socket.destroy());
		const url = new URL(req.url ?? '/', 'http://realtime');
		if (!SOCKET_PATHS.has(url.pathname)) return refuse(socket, '404 Not Found');
		// The socket's key must itself be a valid JWT with role and exp, as on Supabase.
		const apikey = apikeyOf(req, url);
		const check = await verifyToken(apikey, secret);
		if (!check.ok || !apikey) return refuse(socket, '403 Forbidden');
		wss.handleUpgrade(req, socket, head, (ws) => {
			sockets.add(ws);
			ws.on('close', () => sockets.delete(ws));
			const vsn = url.searchParams.get('vsn') === '2.0.0' ? '2.0.0' : '1.0.0';
			serveConnection(ws, { vsn, apikey, secret, db, hub, limits, log });
		});
	};
	server.on('upgrade', (req, socket, head) => {
		upgrade(req, socket, head).catch((error) => {
			log(`[realtime] upgrade failed: ${(error as Error).message}`);
			socket.destroy();
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve());
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : options.port;

	return {
		port,
		async stop() {
			// Going-away close: clients treat it as a dropped connection and rejoin on their own.
			for (const ws of sockets) ws.close(1001, 'server shutting down');
			setTimeout(() => sockets.forEach((ws) => ws.terminate()), 500).unref();
			for (const channel of [...hub.joined]) channel.close();
			stopCleanup();
			wss.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			await feed.stop();
			await db.end();
		}
	};
}
