// PLACEHOLDER until the Auth server lands: answers nothing but health.
import { createServer } from 'node:http';

export interface AuthOptions {
	port: number;
	host: string;
	dbUrl: string;
	jwtSecret: string;
	log?: (line: string) => void;
}

export interface AuthHandle {
	port: number;
	stop(): Promise<void>;
}

export function startAuthServer(options: AuthOptions): Promise<AuthHandle> {
	const server = createServer((_req, res) => {
		res.writeHead(501).end();
	});
	return new Promise((resolve) => server.listen(options.port, options.host, () => resolve({ port: options.port, stop: () => new Promise((r) => server.close(() => r())) })));
}
