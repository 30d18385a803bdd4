import type { SupabaseClient, Session, User } from '@supabase/supabase-js';
import type { StaffMember } from '$lib/staff/roles';
import type { Database } from '$lib/database.types';

declare global {
	namespace App {
		interface Locals {
			/** Per-request client acting as the caller (anon, or the signed-in user's JWT). */
			supabase: SupabaseClient<Database>;
			/** Session validated with getUser(); null when nobody is signed in. */
			safeGetSession(): Promise<{ session: Session | null; user: User | null }>;
			/** The signed-in user's active staff record; set for /staff/** requests, null otherwise. */
			staff: StaffMember | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
