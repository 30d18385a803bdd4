// Admin settings of the triage clock and assignment: deadline targets per priority, the business calendar
// and its holidays, automatic assignment, and who is absent. RLS (20261201001100_staff_triage.sql) lets only
// admins write these; changing a target or the calendar recomputes open items' deadlines in the database.
import { error, fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { can } from '$lib/staff/permissions';
import {
	PRIORITIES,
	absenceSchema,
	autoAssignSchema,
	calendarSchema,
	formFields,
	holidaySchema,
	removeHolidaySchema,
	targetsSchema
} from '$lib/triage/settings-schemas';
import type { Actions, PageServerLoad } from './$types';

export type SettingsSection = 'targets' | 'calendar' | 'holidays' | 'auto_assign' | 'absence';

function requireAdmin(locals: App.Locals) {
	if (!can.manageStaff(locals.staff!)) error(403, 'Forbidden');
}

/** The first problem of a refused form, as a message key for its section. */
function refused(section: SettingsSection, issues: z.core.$ZodIssue[]) {
	return fail(400, { section, problem: issues[0]?.message ?? 'invalid', field: issues[0]?.path.join('.') ?? '' });
}

const saved = (section: SettingsSection) => ({ section, saved: true as const });
const failedWrite = (section: SettingsSection) => fail(400, { section, problem: 'not_saved', field: '' });

export const load: PageServerLoad = async ({ locals }) => {
	requireAdmin(locals);
	const db = locals.supabase;
	const [targets, calendar, holidays, settings, agents, absences] = await Promise.all([
		db.from('sla_targets').select('priority, first_response_minutes, resolution_minutes'),
		db.from('business_calendar').select('time_zone, working_days, day_starts_at, day_ends_at').single(),
		db.from('business_holidays').select('holiday_date, name').order('holiday_date'),
		db.from('triage_settings').select('auto_assign_categories, auto_assign_open_cap').single(),
		db.from('staff_members').select('user_id, full_name, role').eq('active', true).order('full_name'),
		db.from('staff_availability').select('user_id, is_absent')
	]);
	if (targets.error || calendar.error || holidays.error || settings.error || agents.error || absences.error) error(503, 'Unavailable');
	const absent = new Set(absences.data.filter((row) => row.is_absent).map((row) => row.user_id));
	return {
		targets: PRIORITIES.map((priority) => targets.data.find((row) => row.priority === priority)!).filter(Boolean),
		calendar: calendar.data,
		holidays: holidays.data,
		settings: settings.data,
		people: agents.data.map((person) => ({ ...person, absent: absent.has(person.user_id) })),
		timeZones: Intl.supportedValuesOf('timeZone')
	};
};

export const actions: Actions = {
	targets: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = targetsSchema.safeParse(formFields(await request.formData()));
		if (!parsed.success) return refused('targets', parsed.error.issues);
		const targets = PRIORITIES.map((priority) => ({
			priority,
			first_response_minutes: Math.round(parsed.data[priority].first * 60),
			resolution_minutes: Math.round(parsed.data[priority].resolution * 60)
		}));
		const { error: dbError } = await locals.supabase.rpc('set_sla_targets', { p_targets: targets });
		if (dbError) return failedWrite('targets');
		return saved('targets');
	},
	calendar: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = calendarSchema.safeParse(formFields(await request.formData(), ['working_days']));
		if (!parsed.success) return refused('calendar', parsed.error.issues);
		const working_days = [...new Set(parsed.data.working_days)].sort();
		const { data, error: dbError } = await locals.supabase
			.from('business_calendar')
			.update({ ...parsed.data, working_days })
			.eq('id', 1)
			.select('time_zone');
		return dbError || !data.length ? failedWrite('calendar') : saved('calendar');
	},
	addHoliday: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = holidaySchema.safeParse(formFields(await request.formData()));
		if (!parsed.success) return refused('holidays', parsed.error.issues);
		const { error: dbError } = await locals.supabase.from('business_holidays').insert(parsed.data);
		if (dbError?.code === '23505') return fail(400, { section: 'holidays' as const, problem: 'duplicate', field: 'holiday_date' });
		return dbError ? failedWrite('holidays') : saved('holidays');
	},
	removeHoliday: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = removeHolidaySchema.safeParse(formFields(await request.formData()));
		if (!parsed.success) return refused('holidays', parsed.error.issues);
		const { data, error: dbError } = await locals.supabase
			.from('business_holidays')
			.delete()
			.eq('holiday_date', parsed.data.holiday_date)
			.select('holiday_date');
		return dbError || !data.length ? failedWrite('holidays') : saved('holidays');
	},
	autoAssign: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = autoAssignSchema.safeParse(formFields(await request.formData(), ['categories']));
		if (!parsed.success) return refused('auto_assign', parsed.error.issues);
		const { data, error: dbError } = await locals.supabase
			.from('triage_settings')
			.update({ auto_assign_categories: parsed.data.categories, auto_assign_open_cap: parsed.data.cap })
			.eq('id', 1)
			.select('id');
		return dbError || !data.length ? failedWrite('auto_assign') : saved('auto_assign');
	},
	absence: async ({ request, locals }) => {
		requireAdmin(locals);
		const parsed = absenceSchema.safeParse(formFields(await request.formData()));
		if (!parsed.success) return refused('absence', parsed.error.issues);
		const { error: dbError } = await locals.supabase
			.from('staff_availability')
			.upsert({ user_id: parsed.data.user_id, is_absent: parsed.data.absent === 'true' }, { onConflict: 'user_id' });
		return dbError ? failedWrite('absence') : saved('absence');
	}
};
