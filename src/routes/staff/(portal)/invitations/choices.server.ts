// What an invitation may point at, as the signed-in staff member may see it (RLS narrows account managers to their clients).
import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';

export interface SurveyChoice {
	id: string;
	status: string;
	version: number;
	title: { es: string; en: string };
}
export interface ClientChoice {
	id: string;
	name: string;
	tax_id: string | null;
}
export interface ContractChoice {
	id: string;
	client_id: string;
	reference: string;
}

/** Surveys a link can offer: closed ones take no answers, so they are left out. */
export async function surveyChoices(supabase: SupabaseClient<Database>): Promise<SurveyChoice[]> {
	const { data, error: dbError } = await supabase
		.from('surveys')
		.select('id, status, version, title:definition->title')
		.neq('status', 'closed')
		.order('created_at', { ascending: false });
	if (dbError) error(503, 'Surveys unavailable');
	return data as SurveyChoice[];
}

export async function clientChoices(supabase: SupabaseClient<Database>): Promise<ClientChoice[]> {
	const { data, error: dbError } = await supabase.from('clients').select('id, name, tax_id').order('name');
	if (dbError) error(503, 'Clients unavailable');
	return data;
}

export async function contractChoices(supabase: SupabaseClient<Database>): Promise<ContractChoice[]> {
	const { data, error: dbError } = await supabase
		.from('contracts')
		.select('id, client_id, reference')
		.order('reference', { ascending: false });
	if (dbError) error(503, 'Contracts unavailable');
	return data;
}
