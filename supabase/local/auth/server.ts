// The local Auth server: a GoTrue stand-in speaking the wire contract in
// docs/supabase-local-stack.md (Auth) over auth.users/sessions/refresh_tokens.
// This file routes requests and owns the lifecycle; each route lives in its own file.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { secretKey } from '../keys.ts';
import { readJsonObject } from './body.ts';
import { createPool } from './db.ts';
import { AuthError } from './errors.ts';
import { errorReply, responseApiVersion, sendReply } from './reply.ts';
import { getUser, logout, putUser } from './account.ts';
import { createUser, deleteUserById, getUserById, listAllUsers, updateUserById } from './admin.ts';
import { token } from './grant.ts';
import { health, settings, signup } from './meta.ts';
import { recover, verifyGet, verifyPost } from './recovery.ts';
import { mailSender, type MailSender } from './mail.ts';
import type { AuthContext, Handler, RouteRequest } from './context.ts';

export interface AuthOptions {
	port: number;
	host: string;
	dbUrl: string;
	jwtSecret: string;
	log?: (line: string) => void;
	/** Fixed `iss` of access tokens; by default the URL the request came through (…/auth/v1). */
	issuer?: string;
	/** GoTrue's jwt_expiry; 3600 as in config.toml. */
	accessTokenTtlSeconds?: number;
	/** GoTrue's refresh_token_reuse_interval; 10 as in config.toml (GoTrue's default). */
	refreshTokenReuseIntervalSeconds?: number;
	/** GoTrue's sessions.timebox; 168h as in config.toml, and the app's session cookie lifetime. */
	sessionTimeboxSeconds?: number;
	/** Where recovery mail goes; by default SMTP at SUPABASE_LOCAL_SMTP_URL, else the log (mail.ts). */
	mail?: MailSender;
}

export interface AuthHandle {
	port: number;
	stop(): Promise<void>;
}

interface Route {
	method: string;
	pattern: RegExp;
	names: string[];
	handler: Handler;
}

function route(method: string, path: string, handler: Handler): Route {
	const names: string[] = [];
	const source = path.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'));
	return { method, pattern: new RegExp(`^${source}/?$`), names, handler };
}

const ROUTES: Route[] = [
	route('GET', '/health', health),
	route('GET', '/settings', settings),
	route('POST', '/signup', signup),
	route('POST', '/token', token),
	route('GET', '/user', getUser),
	route('PUT', '/user', putUser),
	route('POST', '/logout', logout),
	route('POST', '/recover', recover),
	route('POST', '/verify', verifyPost),
	route('GET', '/verify', verifyGet),
	route('GET', '/admin/users', listAllUsers),
	route('POST', '/admin/users', createUser),
	route('GET', '/admin/users/:id', getUserById),
	route('PUT', '/admin/users/:id', updateUserById),
	route('DELETE', '/admin/users/:id', deleteUserById)
];

function externalUrl(req: IncomingMessage, fallbackHost: string): string {
	const forwarded = req.headers['x-forwarded-host'];
	// Behind the gateway the /auth/v1 prefix was stripped; put it back for links and iss.
	if (typeof forwarded === 'string' && forwarded) return `${req.headers['x-forwarded-proto'] ?? 'http'}://${forwarded}/auth/v1`;
	return `http://${req.headers.host ?? fallbackHost}`;
}

async function dispatch(ctx: AuthContext, req: IncomingMessage, fallbackHost: string) {
	const url = new URL(req.url ?? '/', 'http://auth.local');
	const matching = ROUTES.filter((candidate) => candidate.pattern.test(url.pathname));
	if (matching.length === 0) throw new AuthError(404, 'not_found', `No route for ${url.pathname}`);
	const found = matching.find((candidate) => candidate.method === req.method);
	if (!found) {
		const allow = matching.map((candidate) => candidate.method).join(', ');
		throw new AuthError(405, 'method_not_allowed', `Method ${req.method} is not allowed here`, {}, { allow });
	}
	const values = found.pattern.exec(url.pathname)!.slice(1);
	let body: Promise<Record<string, unknown>> | undefined;
	const request: RouteRequest = {
		method: req.method ?? 'GET',
		url,
		headers: req.headers,
		params: Object.fromEntries(found.names.map((name, i) => [name, safeDecode(values[i])])),
		json: () => (body ??= readJsonObject(req)),
		externalUrl: externalUrl(req, fallbackHost)
	};
	return found.handler(ctx, request);
}

const safeDecode = (segment: string) => {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
};

async function handle(ctx: AuthContext, req: IncomingMessage, res: ServerResponse, fallbackHost: string) {
	const apiVersion = responseApiVersion(req.headers);
	try {
		sendReply(res, await dispatch(ctx, req, fallbackHost), apiVersion);
	} catch (error) {
		if (error instanceof AuthError) return sendReply(res, errorReply(error, apiVersion), apiVersion);
		ctx.config.log(`auth: ${req.method} ${req.url} failed: ${(error as Error).stack ?? error}`);
		const failure = new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
		if (!res.headersSent) sendReply(res, errorReply(failure, apiVersion), apiVersion);
		else res.destroy();
	}
}

export function startAuthServer(options: AuthOptions): Promise<AuthHandle> {
	const log = options.log ?? (() => {});
	const pool = createPool(options.dbUrl, log);
	const ctx: AuthContext = {
		pool,
		config: {
			secret: secretKey(options.jwtSecret),
			issuer: options.issuer,
			accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
			refreshTokenReuseIntervalSeconds: options.refreshTokenReuseIntervalSeconds ?? 10,
			sessionTimeboxSeconds: options.sessionTimeboxSeconds ?? 7 * 24 * 3600,
			log
		},
		mail: options.mail ?? mailSender(log)
	};
	const server = createServer((req, res) => void handle(ctx, req, res, `${options.host}:${options.port}`));
	const stop = async () => {
		server.closeAllConnections();
		await new Promise<void>((done) => server.close(() => done()));
		await pool.end();
	};
	return new Promise((resolve, reject) => {
		server.once('error', (error) => {
			pool.end().catch(() => {});
			reject(error);
		});
		server.listen(options.port, options.host, () => {
			const address = server.address();
			resolve({ port: typeof address === 'object' && address ? address.port : options.port, stop });
		});
	});
}
