// Answers a superforms action with a database outcome and the HTTP status that goes with it.
import { message, type SuperValidated } from 'sveltekit-superforms';
import type { DbOutcome } from './db-outcome.ts';

const STATUS = { forbidden: 403, not_found: 404, duplicate: 400, invalid: 400, unavailable: 503 } as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function outcomeMessage<T extends Record<string, unknown>>(form: SuperValidated<T, any>, outcome: DbOutcome) {
	return outcome === 'ok' ? message(form, outcome) : message(form, outcome, { status: STATUS[outcome] });
}
