// Turns a PostgREST error into something a form can show, without leaking database internals.
import type { PostgrestError } from '@supabase/supabase-js';

export type DbOutcome = 'ok' | 'forbidden' | 'duplicate' | 'invalid' | 'not_found' | 'unavailable';

export function dbOutcome(error: PostgrestError | null, affectedRows?: number): DbOutcome {
	if (!error) return affectedRows === 0 ? 'not_found' : 'ok';
	switch (error.code) {
		case '42501':
			return 'forbidden';
		case '23505':
			return 'duplicate';
		case '23514':
		case '23503':
		case '22P02':
		case '22007':
		case '22008':
			return 'invalid';
		case 'PGRST116':
			return 'not_found';
		default:
			console.error('database error', error.code, error.message);
			return 'unavailable';
	}
}
