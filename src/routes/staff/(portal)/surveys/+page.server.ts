import { error } from '@sveltejs/kit';
import { canEditSurveys } from './can-edit-surveys.ts';
import type { PageServerLoad } from './$types';

export interface SurveyRow {
	id: string;
	trigger_point: string;
	status: string;
	version: number;
	title: { es: string; en: string };
	questions: unknown[];
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = locals.staff!;
	// RLS lets every active staff member read surveys; only editors see the buttons.
	const { data, error: dbError } = await locals.supabase
		.from('surveys')
		.select('id, trigger_point, status, version, title:definition->title, questions:definition->questions')
		.order('created_at', { ascending: false })
		.returns<SurveyRow[]>();
	if (dbError) error(503, 'Surveys unavailable');
	return { surveys: data, canEdit: canEditSurveys(staff.role), savedId: url.searchParams.get('saved') };
};
