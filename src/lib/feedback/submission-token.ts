// The hidden submission-token field of the client forms, as the server reads it back: base64url only.
// The database checks the exact shape; this keeps bytes Postgres cannot take (NUL, broken text) out of the
// call, so tampered input is a 400, not "unavailable" on every retry.
import { z } from 'zod';

export const submissionTokenField = z
	.string()
	.min(1, 'invalid')
	.max(64, 'invalid')
	.regex(/^[A-Za-z0-9_-]+$/, 'invalid');
