// A client account as staff enter it; the same limits as the CHECKs on public.clients.
// Empty optional fields arrive as '' from a form and are stored as null.
import { z } from 'zod';

const optionalText = (max: number) => z.string().trim().max(max, { error: 'too_long' }).default('');

export const clientSchema = z.object({
	name: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'too_long' }),
	tax_id: optionalText(32),
	sector: optionalText(100),
	contact_name: optionalText(200),
	contact_email: z.union([z.literal(''), z.email({ error: 'email_invalid' }).max(320, { error: 'too_long' })]).default(''),
	contact_phone: optionalText(40),
	account_manager_id: z.union([z.literal(''), z.uuid({ error: 'invalid' })]).default('')
});

export type ClientInput = z.infer<typeof clientSchema>;

/** The row to store: the name as typed, every empty optional field as null. */
export function toClientRow({ name, ...optional }: ClientInput) {
	const nullable = Object.fromEntries(Object.entries(optional).map(([key, value]) => [key, value === '' ? null : value]));
	return { name, ...(nullable as { [K in keyof typeof optional]: string | null }) };
}
