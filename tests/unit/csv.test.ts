import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/lib/server/csv.ts';

describe('csvCell', () => {
	const cases = [
		{ name: 'plain text', input: 'Logística', expected: 'Logística' },
		{ name: 'a formula', input: '=HYPERLINK("http://x","y")', expected: `"'=HYPERLINK(""http://x"",""y"")"` },
		{ name: 'a leading plus', input: '+34 600', expected: "'+34 600" },
		{ name: 'a leading minus in text', input: '-3 días', expected: "'-3 días" },
		{ name: 'a leading at sign', input: '@SUM(A1)', expected: "'@SUM(A1)" },
		{ name: 'a leading tab', input: '\tcmd', expected: "'\tcmd" },
		{ name: 'a negative number stays a number', input: -3, expected: '-3' },
		{ name: 'commas and quotes are quoted', input: 'a, "b"', expected: '"a, ""b"""' },
		{ name: 'a line break is quoted', input: 'uno\ndos', expected: '"uno\ndos"' },
		{ name: 'null is empty', input: null, expected: '' }
	] as const;
	for (const { name, input, expected } of cases) it(name, () => expect(csvCell(input)).toBe(expected));
});

describe('toCsv', () => {
	it('starts with a UTF-8 byte-order mark and ends rows with CRLF', () => {
		const csv = toCsv(['cliente', 'valor'], [['Año nuevo', 1]]);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('cliente,valor\r\nAño nuevo,1\r\n');
	});
});
