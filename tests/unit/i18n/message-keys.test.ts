// Every message exists in both languages with the same placeholders, and every message is used by the code: a key
// left behind by a change, or added in one language only, fails here rather than on a screen.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const settings = JSON.parse(readFileSync(join(ROOT, 'project.inlang', 'settings.json'), 'utf8')) as {
	locales: string[];
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};
const patterns = settings['plugin.inlang.messageFormat'].pathPattern;

/** A message is a string, or inlang's variants (plural forms): its text is all of it. */
function messages(locale: string): Map<string, string> {
	const all = new Map<string, string>();
	for (const pattern of patterns) {
		const file = join(ROOT, pattern.replace('{locale}', locale));
		for (const [key, value] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)) {
			if (key === '$schema') continue;
			expect(all.has(key), `${key} is defined twice (${file})`).toBe(false);
			all.set(key, typeof value === 'string' ? value : JSON.stringify(value));
		}
	}
	return all;
}

function sourceText(dir: string): string {
	let text = '';
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) {
			if (name !== 'paraglide') text += sourceText(path);
		} else if (/\.(ts|js|svelte)$/.test(name)) {
			text += `${readFileSync(path, 'utf8')}\n`;
		}
	}
	return text;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();

describe('messages', () => {
	const [base, ...others] = settings.locales;
	const baseMessages = messages(base);

	for (const locale of others) {
		it(`${locale} has exactly the keys of ${base}, with the same placeholders`, () => {
			const translated = messages(locale);
			expect(
				[...translated.keys()].filter((key) => !baseMessages.has(key)),
				`only in ${locale}`
			).toEqual([]);
			expect(
				[...baseMessages.keys()].filter((key) => !translated.has(key)),
				`missing in ${locale}`
			).toEqual([]);
			const differing = [...baseMessages].filter(
				([key, text]) => placeholders(text).join() !== placeholders(translated.get(key) ?? '').join()
			);
			expect(differing.map(([key]) => key)).toEqual([]);
		});
	}

	it('every key is used by the code', () => {
		const source = sourceText(join(ROOT, 'src'));
		const unused = [...baseMessages.keys()].filter((key) => !new RegExp(`\\b${key}\\b`).test(source));
		expect(unused).toEqual([]);
	});
});
