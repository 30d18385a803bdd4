// PLACEHOLDER until the Realtime server lands: answers nothing but health.
import { createServer } from 'node:http';

export interface RealtimeOptions {
	port: number;
	host: string;
	dbUrl: string;
	jwtSecret: string;
	log?: (line: string) => void;
}

export interface RealtimeHandle {
	port: number;
	stop(): Promise<void>;
}

export function startRealtimeServer(options: RealtimeOptions): Promise<RealtimeHandle> {
	const server = createServer((_req, res) => {
		res.writeHead(501).end();
	});
	return new Promise((resolve) => server.listen(options.port, options.host, () => resolve({ port: options.port, stop: () => new Promise((r) => server.close(() => r())) })));
}
