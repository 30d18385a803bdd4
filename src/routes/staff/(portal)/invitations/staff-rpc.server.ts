// The staff invitation RPCs, typed by src/lib/feedback/rpc-types.ts. They run as the signed-in
// staff member (security invoker), so RLS decides, and they raise on error rather than answer an outcome.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { FeedbackRpcs } from '$lib/feedback/rpc-types';

type StaffRpc = 'create_invitation' | 'create_invitations' | 'reissue_invitation_link';

export async function staffRpc<Name extends StaffRpc>(supabase: SupabaseClient<Database>, name: Name, args: FeedbackRpcs[Name]['args']) {
	// The generated Args say only `Json` for a jsonb parameter; FeedbackRpcs says which JSON, so it narrows, never widens.
	const { data, error } = await supabase.rpc(name, args as Database['public']['Functions'][Name]['Args']);
	return { data: error ? null : (data as FeedbackRpcs[Name]['result']), error };
}
