// The staff roles as the database defines them (enum public.staff_role), in the order the UI lists them.
import { Constants } from '$lib/database.types';
export const STAFF_ROLES = Constants.public.Enums.staff_role;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffMember {
	userId: string;
	fullName: string;
	email: string;
	role: StaffRole;
}

export function isStaffRole(value: unknown): value is StaffRole {
	return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}
