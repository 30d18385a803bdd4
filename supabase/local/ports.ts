// Free TCP ports on loopback: the preferred one when it is free, any otherwise.
import { createServer } from 'node:net';

function tryListen(port: number, host: string): Promise<number | null> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(null));
		server.listen({ port, host, exclusive: true }, () => {
			const address = server.address();
			const chosen = typeof address === 'object' && address ? address.port : null;
			server.close(() => resolve(chosen));
		});
	});
}

export async function freePort(preferred = 0, host = '127.0.0.1'): Promise<number> {
	if (preferred > 0) {
		const port = await tryListen(preferred, host);
		if (port) return port;
	}
	const port = await tryListen(0, host);
	if (!port) throw new Error('No free TCP port on ' + host);
	return port;
}
