// One port in front of PostgREST, Auth and Realtime, as Kong is in Supabase:
// strips the service prefix, requires a known apikey, and turns the apikey
// into the Bearer token when the caller sends none.
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';

export interface Upstreams {
	rest: number;
	auth: number;
	realtime: number;
}

export interface GatewayOptions {
	port: number;
	host: string;
	upstreamHost: string;
	/** Looked up per request, so a restarted service may come back on a new port. */
	upstreams: () => Upstreams;
	apiKeys: string[];
}

export interface GatewayHandle {
	port: number;
	stop(): Promise<void>;
}

// A fresh upstream connection per request: PostgREST closes a connection after some bad requests, and a
// pooled socket it closed would turn the next, innocent request into a 502.
const upstreamAgent = new Agent({ keepAlive: false });

const ROUTES: { prefix: string; service: keyof Upstreams; rewrite?: (path: string) => string }[] = [
	{ prefix: '/rest/v1', service: 'rest' },
	{ prefix: '/auth/v1', service: 'auth' },
	{ prefix: '/realtime/v1', service: 'realtime', rewrite: (path) => path.replace(/^\/websocket/, '/socket/websocket') }
];

const CORS_HEADERS = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
	'access-control-allow-headers':
		'authorization, x-client-info, apikey, content-type, content-profile, accept-profile, prefer, range, x-supabase-api-version, accept',
	'access-control-expose-headers': 'content-range, content-location, x-total-count, link, x-supabase-api-version, x-sb-error-code',
	'access-control-max-age': '3600'
};

/**
 * A preflight's answer as Supabase's gateway gives it (Kong's cors plugin with no header list): the
 * request headers the browser asks for are allowed, so traceparent, baggage, x-retry-count... pass.
 */
function preflightHeaders(req: IncomingMessage): Record<string, string> {
	const asked = req.headers['access-control-request-headers'];
	return typeof asked === 'string' && asked.trim() ? { ...CORS_HEADERS, 'access-control-allow-headers': asked } : CORS_HEADERS;
}

/** Bodies above these are refused with 413 before they reach a service (PostgREST keeps the memory it grows to). */
export const BODY_LIMITS: Record<keyof Upstreams, number> = { rest: 8 * 1024 * 1024, auth: 1024 * 1024, realtime: 1024 * 1024 };

function route(url: string) {
	for (const candidate of ROUTES) {
		if (url === candidate.prefix || url.startsWith(candidate.prefix + '/') || url.startsWith(candidate.prefix + '?')) {
			const rest = url.slice(candidate.prefix.length) || '/';
			return { service: candidate.service, path: candidate.rewrite ? candidate.rewrite(rest) : rest };
		}
	}
	return null;
}

function apikeyOf(req: IncomingMessage): string | null {
	const header = req.headers['apikey'];
	if (typeof header === 'string' && header) return header;
	const query = new URL(req.url ?? '/', 'http://gateway').searchParams.get('apikey');
	return query || null;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
	res.writeHead(status, { 'content-type': 'application/json', ...CORS_HEADERS });
	res.end(JSON.stringify(body));
}

function refuseBody(req: IncomingMessage, res: ServerResponse) {
	if (!res.headersSent) {
		res.writeHead(413, { 'content-type': 'application/json', ...CORS_HEADERS });
		res.end(JSON.stringify({ message: 'Request size limit exceeded' }));
	}
	// The rest of the body is read and dropped (no memory kept), so the caller sees the 413 rather than
	// a reset connection; a caller that keeps sending far past the limit loses the connection.
	let drained = 0;
	req.on('data', (chunk: Buffer) => {
		drained += chunk.length;
		if (drained > MAX_DRAINED_BYTES) req.socket.destroy();
	});
	req.resume();
}

const MAX_DRAINED_BYTES = 64 * 1024 * 1024;

function forwardedHeaders(req: IncomingMessage, apikey: string) {
	const headers = { ...req.headers };
	if (!headers.authorization) headers.authorization = `Bearer ${apikey}`;
	headers['x-forwarded-host'] = req.headers.host;
	headers['x-forwarded-proto'] = 'http';
	// The caller's address as this gateway sees it, replacing whatever the caller claimed (as Supabase's
	// edge does): Auth's sign-in throttle and the database's rate limits count by it.
	headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
	headers['x-real-ip'] = req.socket.remoteAddress ?? '';
	return headers;
}

export function startGateway(options: GatewayOptions): Promise<GatewayHandle> {
	const validKeys = new Set(options.apiKeys);
	const sockets = new Set<Socket>();

	const server = createServer((req, res) => {
		if (req.method === 'OPTIONS') {
			res.writeHead(204, preflightHeaders(req));
			return res.end();
		}
		const target = route(req.url ?? '/');
		if (!target) return sendJson(res, 404, { message: 'no Route matched with those values' });
		const apikey = apikeyOf(req);
		if (!apikey) return sendJson(res, 401, { message: 'No API key found in request' });
		if (!validKeys.has(apikey)) return sendJson(res, 401, { message: 'Invalid authentication credentials' });
		const limit = BODY_LIMITS[target.service];
		if (Number(req.headers['content-length'] ?? 0) > limit) return refuseBody(req, res);

		const forward = (body?: Buffer) => {
			const headers = forwardedHeaders(req, apikey);
			if (body) {
				delete headers['transfer-encoding'];
				headers['content-length'] = String(body.length);
			}
			const upstream = httpRequest(
				{
					host: options.upstreamHost,
					port: options.upstreams()[target.service],
					method: req.method,
					path: target.path,
					headers,
					agent: upstreamAgent
				},
				(upstreamRes) => {
					res.writeHead(upstreamRes.statusCode ?? 502, { ...upstreamRes.headers, ...CORS_HEADERS });
					upstreamRes.pipe(res);
				}
			);
			upstream.on('error', () => {
				if (!res.headersSent) sendJson(res, 502, { message: 'An invalid response was received from the upstream server' });
				else res.destroy();
			});
			if (body) upstream.end(body);
			else req.pipe(upstream);
		};
		if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] === undefined) return forward();

		// A body without a length (chunked) is held until it ends, and refused once it passes the limit,
		// so the answer never depends on whether the service or the limit saw the excess first.
		const chunks: Buffer[] = [];
		let received = 0;
		const collect = (chunk: Buffer) => {
			received += chunk.length;
			if (received > limit) {
				req.off('data', collect);
				req.off('end', send);
				chunks.length = 0;
				return refuseBody(req, res);
			}
			chunks.push(chunk);
		};
		const send = () => forward(Buffer.concat(chunks));
		req.on('data', collect);
		req.on('end', send);
	});

	// Websocket upgrades (Realtime) are piped as raw TCP after the same checks.
	server.on('upgrade', (req, clientSocket: Socket, head) => {
		const target = route(req.url ?? '/');
		const apikey = apikeyOf(req);
		if (!target || !apikey || !validKeys.has(apikey)) {
			clientSocket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
			return;
		}
		const upstreamSocket = netConnect(options.upstreams()[target.service], options.upstreamHost, () => {
			const lines = [`${req.method} ${target.path} HTTP/1.1`];
			for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
			upstreamSocket.write(lines.join('\r\n') + '\r\n\r\n');
			if (head.length) upstreamSocket.write(head);
			upstreamSocket.pipe(clientSocket);
			clientSocket.pipe(upstreamSocket);
		});
		sockets.add(clientSocket);
		clientSocket.on('close', () => sockets.delete(clientSocket));
		const closeBoth = () => {
			clientSocket.destroy();
			upstreamSocket.destroy();
		};
		upstreamSocket.on('error', closeBoth);
		upstreamSocket.on('close', closeBoth);
		clientSocket.on('error', closeBoth);
	});

	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : options.port;
			resolve({
				port,
				stop: () =>
					new Promise<void>((done) => {
						for (const socket of sockets) socket.destroy();
						server.closeAllConnections();
						server.close(() => done());
					})
			});
		});
	});
}
