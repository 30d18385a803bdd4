// Turns the database's answer to a save into a message the editor shows.
import type { PostgrestError } from '@supabase/supabase-js';
import { dbOutcome } from '$lib/server/db-outcome';

export type SaveMessage = 'refused_locked' | 'refused_definition' | 'forbidden' | 'not_found' | 'unavailable';

export function saveMessage(error: PostgrestError | null, affectedRows?: number): SaveMessage | null {
	// The trigger guarding answered questions says so in its message; tell that refusal apart from a bad definition.
	if (error && /respons|answer/i.test(`${error.message} ${error.details ?? ''}`)) return 'refused_locked';
	const outcome = dbOutcome(error, affectedRows);
	if (outcome === 'ok') return null;
	if (outcome === 'invalid' || outcome === 'duplicate') return 'refused_definition';
	return outcome;
}

export const saveStatus = (message: SaveMessage) => (message === 'unavailable' ? 503 : message === 'forbidden' ? 403 : 400);
