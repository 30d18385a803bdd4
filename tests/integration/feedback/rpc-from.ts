// A PostgREST RPC call as anon, made from a chosen loopback address (127.x.y.z all reach the stack on
// Linux), so a test is its own "source" to the gateway and the rate limits charge it alone.
import { request } from 'node:http';
import { randomInt } from 'node:crypto';
import { anonKey, apiUrl } from '../env.ts';

/** A loopback address no other test uses (127.0.0.1 is everyone's). */
export const loopbackSource = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(2, 255)}`;

export function rpcFrom(source: string, name: string, args: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
	const url = new URL(`/rest/v1/rpc/${name}`, apiUrl());
	const payload = JSON.stringify(args);
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname,
				method: 'POST',
				localAddress: source,
				headers: { apikey: anonKey(), 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers }
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
			}
		);
		req.on('error', reject);
		req.end(payload);
	});
}
