// Who may create and change surveys; the same roles as the RLS policies on public.surveys.
import type { StaffRole } from '$lib/staff/roles';

const SURVEY_EDITORS: readonly StaffRole[] = ['quality', 'manager', 'admin'];

export function canEditSurveys(role: StaffRole): boolean {
	return SURVEY_EDITORS.includes(role);
}
