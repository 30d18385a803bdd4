// Reads the CSV of clients a spreadsheet exports: comma, semicolon (Spanish Excel) or tab, quotes, BOM, optional header.

export interface CsvRow {
	/** 1-based record number (the line, unless a quoted field spans lines), so the preview points at what was typed. */
	line: number;
	client: string;
	contractReference: string | null;
	expiry: string | null;
}

export const MAX_CSV_ROWS = 500;

const HEADER_WORDS = new Set(['nif', 'cif', 'tax id', 'tax_id', 'cliente', 'client', 'nombre', 'name', 'nif o nombre', 'client name']);

function detectDelimiter(firstLine: string): string {
	const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length] as const);
	return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Splits text into records of fields; a quoted field may hold the delimiter, quotes ("") and line breaks. */
export function splitCsv(text: string, delimiter: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"' && field === '') quoted = true;
		else if (char === delimiter) {
			record.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			record.push(field);
			records.push(record);
			record = [];
			field = '';
		} else field += char;
	}
	if (field !== '' || record.length) {
		record.push(field);
		records.push(record);
	}
	return records;
}

export function parseClientCsv(text: string): CsvRow[] {
	const clean = text.replace(/^\uFEFF/, '');
	const delimiter = detectDelimiter(clean.split(/\r?\n/, 1)[0] ?? '');
	const rows: CsvRow[] = [];
	splitCsv(clean, delimiter).forEach((fields, index) => {
		const [client = '', contract = '', expiry = ''] = fields.map((f) => f.trim());
		if (!fields.some((f) => f.trim())) return;
		if (index === 0 && HEADER_WORDS.has(client.toLowerCase())) return;
		rows.push({ line: index + 1, client, contractReference: contract || null, expiry: expiry || null });
	});
	return rows;
}
