// The inbox's keyset cursor: the last row's sort key, carried in one URL parameter (?after=).
import { z } from 'zod';

/** The keyset cursor: the last row's sort key, in one URL parameter. */
export type InboxCursor = {
	created_at?: string;
	due_at?: string;
	id: string;
};

export function encodeCursor(cursor: InboxCursor): string {
	return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(value: string | null): InboxCursor | null {
	if (!value || value.length > 400) return null;
	try {
		const parsed = z
			.object({ created_at: z.string().max(40).optional(), due_at: z.string().max(40).optional(), id: z.uuid() })
			.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}
