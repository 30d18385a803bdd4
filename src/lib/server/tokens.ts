// Link, tracking and submission tokens. The database stores only sha256Hex(token), so a leaked
// database holds no working link; SQL computes the same hash with extensions.digest(token, 'sha256').
import { createHash, randomBytes } from 'node:crypto';

/** 128 bits from the OS CSPRNG: 22 base64url characters, short enough for a small QR code. */
export const TOKEN_BYTES = 16;
export const TOKEN_LENGTH = 22;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A new URL-safe random token for a link (/f/<token>). */
export function newToken(): string {
	return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * The hidden submission field rendered with a form: the idempotency key of the submission and,
 * for a complaint or suggestion, its tracking token (/t/<token>).
 */
export function newSubmissionToken(): string {
	return newToken();
}

/** Lower-case hex SHA-256 of the token's UTF-8 bytes, as stored in token_hash and submission_hash. */
export function sha256Hex(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}
