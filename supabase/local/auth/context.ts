// What every route handler receives and returns; server.ts turns a Reply into HTTP.
import type { IncomingHttpHeaders } from 'node:http';
import type pg from 'pg';
import type { MailSender } from './mail.ts';

export interface AuthConfig {
	/** The HS256 key (the stack's JWT secret as bytes). */
	secret: Uint8Array;
	/** Fixed `iss` claim; when absent, the URL the caller reached us through. */
	issuer?: string;
	accessTokenTtlSeconds: number;
	/** GoTrue's refresh_token_reuse_interval (config.toml): a revoked token still refreshes this long. */
	refreshTokenReuseIntervalSeconds: number;
	/** GoTrue's sessions.timebox (config.toml): no refresh after a session is this old. */
	sessionTimeboxSeconds: number;
	log: (line: string) => void;
}

export interface AuthContext {
	pool: pg.Pool;
	config: AuthConfig;
	/** Sends the recovery mail (SMTP when configured, else the stack's log: mail.ts). */
	mail: MailSender;
}

export interface RouteRequest {
	method: string;
	url: URL;
	headers: IncomingHttpHeaders;
	/** Named path segments, such as `id` in /admin/users/:id. */
	params: Record<string, string>;
	/** The body as a JSON object ({} when empty); bad JSON throws 400 bad_json. */
	json(): Promise<Record<string, unknown>>;
	/** This server as the browser sees it (through the gateway: http://host:port/auth/v1). */
	externalUrl: string;
}

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (ctx: AuthContext, req: RouteRequest) => Promise<Reply>;

export const ok = (body: unknown, headers?: Record<string, string>): Reply => ({ status: 200, body, headers });
