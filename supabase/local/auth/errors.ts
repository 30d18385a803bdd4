// GoTrue's error: an HTTP status, a stable machine code (apierrors/errorcode.go)
// and a human message. reply.ts decides which of GoTrue's two JSON shapes it takes.
export class AuthError extends Error {
	readonly status: number;
	readonly code: string;
	/** Extra top-level fields GoTrue adds to some errors, such as weak_password. */
	readonly extra: Record<string, unknown>;
	readonly headers: Record<string, string>;

	constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
		super(message);
		this.name = 'AuthError';
		this.status = status;
		this.code = code;
		this.extra = extra;
		this.headers = headers;
	}
}

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);
export const notFound = (code: string, message: string) => new AuthError(404, code, message);
export const unprocessable = (code: string, message: string, extra?: Record<string, unknown>) => new AuthError(422, code, message, extra);

export const invalidCredentials = () => badRequest('invalid_credentials', 'Invalid login credentials');
export const userNotFound = () => notFound('user_not_found', 'User not found');
export const badJson = (detail: string) => badRequest('bad_json', `Could not parse request body as JSON: ${detail}`);
