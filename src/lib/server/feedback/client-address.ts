// The address the RPCs count attempts per minute against (their per-address rate limit).
import type { RequestEvent } from '@sveltejs/kit';

/**
 * adapter-node answers with the socket's peer address, or, behind a proxy or load
 * balancer, with the header named by ADDRESS_HEADER (e.g. X-Forwarded-For, read
 * XFF_DEPTH hops from the right). Without those set behind a proxy every client
 * would share the proxy's address and one busy poster would lock out the rest.
 */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string | null {
	try {
		return event.getClientAddress();
	} catch {
		// Some adapters and the test harness cannot tell; the per-token limit still applies.
		return null;
	}
}
