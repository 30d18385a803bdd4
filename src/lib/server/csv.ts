// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Spanish accents), RFC 4180 quoting, and
// cells that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) prefixed with '.
const FORMULA_START = /^[=+\-@\t\r]/;
const BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	// Numbers are data, not formulas: -3 stays -3; text such as "-3 días" or "=HYPERLINK(...)" does not.
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
	return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvResponse(filename: string, body: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
}
