import { z } from 'zod';

export const loginSchema = z.object({
	email: z.email({ error: 'email_invalid' }).max(254, { error: 'too_long' }),
	password: z.string().min(1, { error: 'required' }).max(200, { error: 'too_long' }),
	next: z.string().max(500).default('')
});
