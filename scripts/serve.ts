// The production server: adapter-node's handler behind a plain Node server that puts the security
// headers on every response before SvelteKit writes it. Redirects thrown by a handle, SvelteKit's own
// error answers and static files (/_app/immutable/*) never pass through hooks.server.ts.
// PORT, HOST and adapter-node's variables (ORIGIN, BODY_SIZE_LIMIT, ...) work as with build/index.js.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BASE_SECURITY_HEADERS } from '../src/lib/server/security-headers-base.ts';

type Next = () => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const handlerFile = fileURLToPath(new URL('../build/handler.js', import.meta.url));
if (!existsSync(handlerFile)) throw new Error('No production build: run `npm run build` first.');
const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: Handler };

const server = createServer((req, res) => {
	for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
	handler(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
});

// A request whose head is too large or malformed never reaches the handler. Node's own answer destroys the
// socket at once, and closing a socket with unread input makes the kernel send a reset: a client still
// sending a long body then sees ECONNRESET instead of the 431 or 400. Answer, half-close, and read the
// rest away so the close is orderly; a client that never stops sending is cut off after a few seconds.
const answeredBadHeads = new WeakSet<object>();
server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
	// The parser reports each later chunk of the same request again: the first answer stands.
	if (answeredBadHeads.has(socket)) return;
	if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
		socket.destroy();
		return;
	}
	answeredBadHeads.add(socket);
	const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
	const headers = Object.entries(BASE_SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}\r\n`);
	socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n${headers.join('')}\r\n`);
	socket.resume();
	setTimeout(() => socket.destroy(), 5_000).unref();
});

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

// Finish the requests in flight, then exit (as adapter-node's own server does on a signal).
const stop = () => {
	server.close(() => process.exit(0));
	server.closeIdleConnections();
	setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
