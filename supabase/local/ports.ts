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

/** Whether a server could listen on this port and host now. */
export async function portIsFree(port: number, host: string): Promise<boolean> {
	return (await tryListen(port, host)) !== null;
}

/** The first free port from `preferred` upwards, as Vite's dev server picks one. */
export async function firstFreePortFrom(preferred: number, host: string, tries = 20): Promise<number> {
	for (let port = preferred; port < preferred + tries; port++) if (await portIsFree(port, host)) return port;
	throw new Error(`Ports ${preferred}-${preferred + tries - 1} are all in use on ${host}: set PORT to a free one.`);
}
