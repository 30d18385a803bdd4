// Creates a staff member: the Auth user through the admin API (service role, server only),
// then the staff_members row through the admin's own session, so RLS still decides.
import { randomBytes } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { supabaseAdmin } from './supabase-admin.ts';
import type { StaffRole } from '$lib/staff/roles';

export type InviteResult = { ok: true; temporaryPassword: string } | { ok: false; reason: 'exists' | 'forbidden' | 'unavailable' };

export async function inviteStaff(
	callerClient: SupabaseClient<Database>,
	person: { email: string; full_name: string; role: StaffRole }
): Promise<InviteResult> {
	const admin = supabaseAdmin();
	// No e-mail is sent from here: the admin hands over this one-time password, which the person changes.
	const temporaryPassword = randomBytes(12).toString('base64url');
	const { data, error } = await admin.auth.admin.createUser({
		email: person.email,
		password: temporaryPassword,
		email_confirm: true,
		user_metadata: { full_name: person.full_name },
		// The portal opens only its password page until the person has chosen their own (staff-guard.ts).
		app_metadata: { must_change_password: true }
	});
	if (error || !data.user) return { ok: false, reason: error?.code === 'email_exists' ? 'exists' : 'unavailable' };

	const { error: staffError } = await callerClient
		.from('staff_members')
		.insert({ user_id: data.user.id, email: person.email, full_name: person.full_name, role: person.role });
	if (staffError) {
		// Leave no Auth user without a staff row behind.
		await admin.auth.admin.deleteUser(data.user.id);
		return { ok: false, reason: staffError.code === '42501' ? 'forbidden' : 'unavailable' };
	}
	return { ok: true, temporaryPassword };
}
