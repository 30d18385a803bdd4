import type { SupabaseClient, Session, User } from '@supabase/supabase-js';

declare global {
	namespace App {
		interface Locals {
			/** Per-request client acting as the caller (anon, or the signed-in user's JWT). */
			supabase: SupabaseClient;
			/** Session validated with getUser(); null when nobody is signed in. */
			safeGetSession(): Promise<{ session: Session | null; user: User | null }>;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
