// A light limit on opening /f/* and /t/* pages per address, in front of the database's own limits
// on submissions: enough for a family sharing one connection, far too few to walk through guessed tokens.
import { error, type RequestEvent } from '@sveltejs/kit';
import { SlidingWindowLimit } from '../sliding-window.ts';
import { clientAddress } from './client-address.ts';

export const PAGE_LOADS_PER_MINUTE = 120;
const pageLoads = new SlidingWindowLimit({ maxEvents: PAGE_LOADS_PER_MINUTE, windowMs: 60_000 });

/** Counts a GET of a client page; over the limit, the page answers 429 with its friendly "wait a moment". */
export function limitPageLoads(event: Pick<RequestEvent, 'request' | 'getClientAddress' | 'setHeaders'>): void {
	if (event.request.method !== 'GET') return;
	const address = clientAddress(event) ?? 'unknown';
	const wait = pageLoads.retryAfterMs(address);
	if (wait > 0) {
		event.setHeaders({ 'retry-after': String(Math.ceil(wait / 1000)) });
		error(429, 'rate_limited');
	}
	pageLoads.record(address);
}
