// The corrective-action vocabulary in the reader's language.
import { m } from '$lib/paraglide/messages.js';
import type { Enums } from '$lib/database.types';

export const planStatusLabel: Record<Enums<'action_plan_status'>, () => string> = {
	open: m.ac_status_open,
	in_progress: m.ac_status_in_progress,
	actions_done: m.ac_status_actions_done,
	verified_effective: m.ac_status_verified_effective,
	not_effective: m.ac_status_not_effective
};

export const originLabel: Record<Enums<'action_plan_origin'>, () => string> = {
	complaint: m.ac_origin_complaint,
	indicator: m.ac_origin_indicator,
	audit_finding: m.ac_origin_audit_finding,
	internal_observation: m.ac_origin_internal_observation
};

export const causeLabel: Record<Enums<'action_plan_cause'>, () => string> = {
	people: m.ac_cause_people,
	method: m.ac_cause_method,
	material: m.ac_cause_material,
	machine: m.ac_cause_machine,
	measurement: m.ac_cause_measurement,
	environment: m.ac_cause_environment
};

export const checkKindLabel: Record<Enums<'action_plan_check_kind'>, () => string> = {
	no_repeat_complaint: m.ac_check_no_repeat,
	indicator_next_quarter: m.ac_check_indicator
};

/** The computed check's answer: pass, fail, pending, inconclusive or not_started. */
export function checkResultLabel(result: string | null | undefined): string {
	switch (result) {
		case 'pass':
			return m.ac_result_pass();
		case 'fail':
			return m.ac_result_fail();
		case 'pending':
			return m.ac_result_pending();
		case 'inconclusive':
			return m.ac_result_inconclusive();
		default:
			return m.ac_result_not_started();
	}
}

/** "2026-07-01" -> "2026-T3" / "2026-Q3". */
export function quarterLabel(firstDay: string): string {
	const [year, month] = firstDay.split('-').map(Number);
	return m.ac_quarter({ year: String(year), quarter: String(Math.floor((month - 1) / 3) + 1) });
}
