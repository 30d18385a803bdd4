// A new password: long enough to resist guessing (Auth's own minimum is shorter), short enough for bcrypt.
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 10;

export const newPasswordSchema = z
	.object({
		password: z.string().min(PASSWORD_MIN_LENGTH, { error: 'too_short' }).max(72, { error: 'too_long' }),
		confirm: z.string()
	})
	.refine((value) => value.password === value.confirm, { path: ['confirm'], error: 'mismatch' });
