// Failed staff sign-ins, counted in the app itself so a hosted Supabase project is protected as well
// as the local one: per e-mail (one account guessed from many places) and per address (one place
// guessing many accounts). One server's memory: behind a load balancer each instance counts its own.
import { SlidingWindowLimit } from '../sliding-window.ts';

const WINDOW_MS = 15 * 60_000;
const byEmail = new SlidingWindowLimit({ maxEvents: 5, windowMs: WINDOW_MS });
const byAddress = new SlidingWindowLimit({ maxEvents: 20, windowMs: WINDOW_MS });

const emailKey = (email: string) => email.trim().toLowerCase();

export function loginRetryAfterMs(email: string, address: string | null): number {
	return Math.max(byEmail.retryAfterMs(emailKey(email)), address ? byAddress.retryAfterMs(address) : 0);
}

export function recordLoginFailure(email: string, address: string | null): void {
	byEmail.record(emailKey(email));
	if (address) byAddress.record(address);
}

export function recordLoginSuccess(email: string): void {
	byEmail.clear(emailKey(email));
}
