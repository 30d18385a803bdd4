import { z } from 'zod';
import { STAFF_ROLES } from './roles.ts';

export const inviteSchema = z.object({
	full_name: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'too_long' }),
	email: z.email({ error: 'email_invalid' }).max(320, { error: 'too_long' }),
	role: z.enum(STAFF_ROLES, { error: 'invalid' })
});
