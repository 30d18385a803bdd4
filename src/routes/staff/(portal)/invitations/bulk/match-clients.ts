// Pairs each CSV row with one client (by tax id, else by name) and, if given, one of that client's contracts.
import type { CsvRow } from './csv.ts';

export interface KnownClient {
	id: string;
	name: string;
	taxId: string | null;
}

export interface KnownContract {
	id: string;
	clientId: string;
	reference: string;
}

export type UnmatchedReason = 'client_not_found' | 'client_ambiguous' | 'contract_not_found' | 'bad_date' | 'date_past';

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

const normalizeTaxId = (value: string) => value.toUpperCase().replace(/[\s.\-/]/g, '');
// Accents and case differ between a spreadsheet and the client record more often than the names do.
const normalizeName = (value: string) =>
	value
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();

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

export function matchClients(rows: CsvRow[], clients: KnownClient[], contracts: KnownContract[], today: string): MatchedRow[] {
	const byTaxId = new Map(clients.filter((c) => c.taxId).map((c) => [normalizeTaxId(c.taxId!), c]));
	const byName = Map.groupBy(clients, (c) => normalizeName(c.name));
	const contractByReference = new Map(contracts.map((c) => [c.reference.trim().toLowerCase(), c]));

	return rows.map((input): MatchedRow => {
		const unmatched = (reason: UnmatchedReason): MatchedRow => ({ line: input.line, input, matched: false, reason });
		const namesakes = byName.get(normalizeName(input.client)) ?? [];
		const client = byTaxId.get(normalizeTaxId(input.client)) ?? (namesakes.length === 1 ? namesakes[0] : undefined);
		if (!client) return unmatched(namesakes.length > 1 ? 'client_ambiguous' : 'client_not_found');

		let contractId: string | null = null;
		if (input.contractReference) {
			const contract = contractByReference.get(input.contractReference.toLowerCase());
			if (!contract || contract.clientId !== client.id) return unmatched('contract_not_found');
			contractId = contract.id;
		}
		const expiresOn = input.expiry ? parseExpiry(input.expiry) : null;
		if (input.expiry && !expiresOn) return unmatched('bad_date');
		if (expiresOn && expiresOn < today) return unmatched('date_past');
		return { line: input.line, input, matched: true, clientId: client.id, clientName: client.name, contractId, expiresOn };
	});
}
