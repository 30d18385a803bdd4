// The inbox's keyset cursor: the shared list cursor ($lib/server/keyset) with the inbox's two sort keys.
import { decodeCursor as decodeListCursor, encodeCursor as encodeListCursor } from '../keyset.ts';

/** The keyset cursor: the last row's sort key, in one URL parameter. */
export type InboxCursor = {
	created_at?: string;
	due_at?: string;
	id: string;
};

export function encodeCursor(cursor: InboxCursor): string {
	return encodeListCursor(cursor as InboxCursor & Record<string, string>);
}

export function decodeCursor(value: string | null): InboxCursor | null {
	const cursor = decodeListCursor(value);
	if (!cursor) return null;
	const { id, created_at, due_at } = cursor;
	return { id, ...(created_at ? { created_at } : {}), ...(due_at ? { due_at } : {}) };
}
