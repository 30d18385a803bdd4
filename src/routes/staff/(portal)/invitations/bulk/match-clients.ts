// Turns the database's client and contract match for each CSV row (public.match_invitation_rows) plus the
// row's expiry date into what the preview shows and what "create" issues. Matching by tax id or name happens
// in SQL, where every client the staff member may see is at hand; dates need no data and are read here.
import type { Database, Enums } from '$lib/database.types';
import type { CsvRow } from './csv.ts';

type Returned = Database['public']['Functions']['match_invitation_rows']['Returns'][number];
/** One row of the answer. The generated type marks every column of a returned table not-null, as
 *  `supabase gen types` does; these are null when nothing matched. */
export type DatabaseMatch = { line: number } & { [Column in Exclude<keyof Returned, 'line'>]: Returned[Column] | null };

export type UnmatchedReason = Enums<'invitation_match_problem'> | 'bad_date' | 'date_past';

export type MatchedRow =
	| {
			line: number;
			input: CsvRow;
			matched: true;
			clientId: string;
			clientName: string;
			contractId: string | null;
			expiresOn: string | null;
	  }
	| { line: number; input: CsvRow; matched: false; reason: UnmatchedReason };

/** Accepts 2026-12-31 and 31/12/2026 (how Spanish spreadsheets write dates); anything else is null. */
export function parseExpiry(value: string): string | null {
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	const spanish = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
	const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : spanish ? [spanish[3], spanish[2], spanish[1]] : [];
	if (!year) return null;
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
	return date.toISOString().slice(0, 10);
}

/** What the database needs of each row. */
export const matchRequest = (rows: CsvRow[]) =>
	rows.map((row) => ({ line: row.line, client: row.client, contract_reference: row.contractReference }));

export function withDates(rows: CsvRow[], matches: readonly DatabaseMatch[], today: string): MatchedRow[] {
	const byLine = new Map(matches.map((match) => [match.line, match]));
	return rows.map((input): MatchedRow => {
		const unmatched = (reason: UnmatchedReason): MatchedRow => ({ line: input.line, input, matched: false, reason });
		const match = byLine.get(input.line);
		if (!match) return unmatched('client_not_found');
		if (match.problem) return unmatched(match.problem);
		if (!match.client_id || !match.client_name) return unmatched('client_not_found');
		const expiresOn = input.expiry ? parseExpiry(input.expiry) : null;
		if (input.expiry && !expiresOn) return unmatched('bad_date');
		if (expiresOn && expiresOn < today) return unmatched('date_past');
		return {
			line: input.line,
			input,
			matched: true,
			clientId: match.client_id,
			clientName: match.client_name,
			contractId: match.contract_id,
			expiresOn
		};
	});
}
