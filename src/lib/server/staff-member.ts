// Who the signed-in user is as staff, read through RLS with the user's own JWT.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { isStaffRole, type StaffMember } from '$lib/staff/roles';

export async function loadStaffMember(supabase: SupabaseClient<Database>, userId: string): Promise<StaffMember | null> {
	const { data, error } = await supabase
		.from('staff_members')
		.select('user_id, full_name, email, role, active')
		.eq('user_id', userId)
		.maybeSingle();
	if (error || !data || !data.active || !isStaffRole(data.role)) return null;
	return { userId: data.user_id, fullName: data.full_name, email: data.email, role: data.role };
}
