// The public feedback RPCs, called as anon through the request's Supabase client.
// A failed call (network, timeout, database down) answers null: the page says "try again".
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { FeedbackRpcs } from '$lib/feedback/rpc-types';

type PublicRpc =
	| 'get_feedback_page'
	| 'submit_survey_response'
	| 'submit_feedback_item'
	| 'get_tracking'
	| 'submit_resolution_feedback'
	| 'add_client_message';

// Longer than any healthy call; short enough that a phone on a bad network still gets an answer.
const RPC_TIMEOUT_MS = 10_000;

export async function callRpc<Name extends PublicRpc>(
	supabase: SupabaseClient<Database>,
	name: Name,
	args: FeedbackRpcs[Name]['args']
): Promise<FeedbackRpcs[Name]['result'] | null> {
	try {
		const { data, error } = await supabase.rpc(name, args).abortSignal(AbortSignal.timeout(RPC_TIMEOUT_MS));
		if (error || data === null || typeof data !== 'object') {
			console.error(`${name} failed`, error ?? 'empty answer');
			return null;
		}
		return data as FeedbackRpcs[Name]['result'];
	} catch (error) {
		console.error(`${name} failed`, error);
		return null;
	}
}
