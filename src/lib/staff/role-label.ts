import { m } from '$lib/paraglide/messages.js';
import type { StaffRole } from './roles.ts';

const labels: Record<StaffRole, () => string> = {
	agent: m.staff_role_agent,
	account_manager: m.staff_role_account_manager,
	quality: m.staff_role_quality,
	manager: m.staff_role_manager,
	admin: m.staff_role_admin
};

export function roleLabel(role: StaffRole): string {
	return labels[role]();
}
