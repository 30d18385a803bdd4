// The page data a link had a moment ago, for drawing the page again right after a no-JavaScript submission:
// the action has just asked the database everything it needed, so the render skips a second call. Short-lived
// and per server instance; a miss asks the database. Keyed by the token's hash, like the database.
import type { FeedbackPage } from '$lib/feedback/rpc-types';
import { sha256Hex } from '$lib/server/tokens';

const KEEP_MS = 30_000;
const KEEP_AT_MOST = 500;
const recent = new Map<string, { page: FeedbackPage; until: number }>();

export function rememberPage(token: string, page: FeedbackPage): void {
	const key = sha256Hex(token);
	recent.delete(key);
	if (recent.size >= KEEP_AT_MOST) recent.delete(recent.keys().next().value!);
	recent.set(key, { page, until: Date.now() + KEEP_MS });
}

export function recentPage(token: string): FeedbackPage | null {
	const kept = recent.get(sha256Hex(token));
	return kept && kept.until > Date.now() ? kept.page : null;
}
