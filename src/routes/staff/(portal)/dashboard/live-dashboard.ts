// Keeps an open dashboard current: the database broadcasts on the private topic 'dashboard' whenever a rollup
// changes (RLS on realtime.messages decides who may join); bursts become at most one refetch a second.
import { invalidate } from '$app/navigation';
import { createRealtimeClient, type RealtimeAccess } from '$lib/realtime/browser-client';
import { liveStateOf, type LiveState } from '$lib/realtime/live-state';
import { coalesce } from '$lib/indicators/coalesce';

export const DASHBOARD_TOPIC = 'dashboard';
const REFETCH_WINDOW_MS = 1000;

export function followDashboard(access: RealtimeAccess, onState: (state: LiveState) => void): () => void {
	const client = createRealtimeClient(access);
	const refetch = coalesce(() => invalidate('app:dashboard'), REFETCH_WINDOW_MS);
	let wasLive = false;
	let stopped = false;
	const channel = client.channel(DASHBOARD_TOPIC, { config: { private: true } });
	channel.on('broadcast', { event: 'rollups_changed' }, () => refetch.notify());
	// A private join must carry the staff member's token, not the anon key: set it before joining.
	void client.realtime.setAuth().then(() => {
		if (stopped) return;
		channel.subscribe((status) => {
			const state = liveStateOf(status);
			// Notices sent while the socket was down are lost: catch up once on rejoining.
			if (state === 'live' && wasLive) refetch.notify();
			if (state === 'live') wasLive = true;
			onState(state);
		});
	});
	return () => {
		stopped = true;
		refetch.stop();
		void client.removeChannel(channel);
	};
}
