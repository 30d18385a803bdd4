// The connection state a live screen shows, from supabase-js's channel subscribe statuses.
export type LiveState = 'connecting' | 'live' | 'offline';

/** supabase-js rejoins by itself after an error or timeout; until it does, the screen says it is offline. */
export function liveStateOf(status: string): LiveState {
	if (status === 'SUBSCRIBED') return 'live';
	if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT' || status === 'CLOSED') return 'offline';
	return 'connecting';
}
