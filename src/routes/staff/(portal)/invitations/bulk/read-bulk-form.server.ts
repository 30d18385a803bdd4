// Validates the bulk form and matches its rows against the clients and contracts this staff member may see.
import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { MAX_CSV_ROWS, parseClientCsv } from './csv.ts';
import { matchRequest, withDates, type MatchedRow } from './match-clients.ts';
import { bulkSchema, MAX_CSV_CHARS } from './schema.ts';

type BulkForm = SuperValidated<Record<string, unknown>>;

export async function readBulkForm(
	request: Request,
	supabase: SupabaseClient<Database>
): Promise<{ form: BulkForm; rows: MatchedRow[] | null }> {
	const formData = await request.formData();
	// An uploaded file stands in for pasted text; the text then travels on in the form, so "create" needs no second upload.
	const file = formData.get('file');
	if (file instanceof File && file.size > 0 && file.size <= MAX_CSV_CHARS && !String(formData.get('csv') ?? '').trim()) {
		formData.set('csv', await file.text());
	}
	formData.delete('file');
	const form = (await superValidate(formData, zod4(bulkSchema))) as BulkForm;
	if (!form.valid) return { form, rows: null };

	const parsed = parseClientCsv(String(form.data.csv));
	if (parsed.length === 0) return { form: setErrorOn(form, 'empty'), rows: null };
	if (parsed.length > MAX_CSV_ROWS) return { form: setErrorOn(form, 'too_many'), rows: null };

	// One call however many clients there are: the database matches, under the caller's RLS.
	const { data: matches, error: dbError } = await supabase.rpc('match_invitation_rows', { csv_rows: matchRequest(parsed) });
	if (dbError) error(503, 'Clients unavailable');
	const today = new Date().toISOString().slice(0, 10);
	return { form, rows: withDates(parsed, matches, today) };
}

function setErrorOn(form: BulkForm, code: string): BulkForm {
	setError(form, 'csv', code);
	return form;
}
