// What `supabase start` / `supabase db reset` need from supabase/: a seed whose statements can all be
// prepared before any runs (the CLI does that, supabase/cli#641), and sign-up switched off in [auth],
// not in [auth.email] (which would switch the e-mail provider, and with it sign-in, off).
import { describe, it, expect } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../supabase/local/stack.ts';
import { superuser } from './env.ts';

/** Top-level statements of a SQL script: semicolons inside quotes, dollar quotes and comments do not split. */
function statements(sql: string): string[] {
	const found: string[] = [];
	let start = 0;
	let i = 0;
	while (i < sql.length) {
		const rest = sql.slice(i);
		const dollar = /^\$[A-Za-z_]*\$/.exec(rest);
		if (rest.startsWith('--')) i = sql.indexOf('\n', i) === -1 ? sql.length : sql.indexOf('\n', i);
		else if (rest.startsWith("'")) i = sql.indexOf("'", i + 1) + 1;
		else if (rest.startsWith('"')) i = sql.indexOf('"', i + 1) + 1;
		else if (dollar) i = sql.indexOf(dollar[0], i + dollar[0].length) + dollar[0].length;
		else if (sql[i] === ';') {
			found.push(sql.slice(start, i).trim());
			start = ++i;
		} else i++;
	}
	found.push(sql.slice(start).trim());
	return found.filter((statement) => statement.replace(/--.*$/gm, '').trim() !== '');
}

describe('Supabase CLI parity', () => {
	it('lets every statement of the seed be prepared before any of them runs', async () => {
		// seed.sql and every feature's seeds/*.sql, as config.toml's sql_paths lists them.
		const seedsDir = join(PROJECT_ROOT, 'supabase/seeds');
		const extra = (await readdir(seedsDir).catch(() => [] as string[])).filter((file) => file.endsWith('.sql')).sort();
		const seed = (await Promise.all([join(PROJECT_ROOT, 'supabase/seed.sql'), ...extra.map((file) => join(seedsDir, file))].map((file) => readFile(file, 'utf8')))).join('\n;\n');
		const preparable = statements(seed).filter((statement) => /^(?:--.*\n|\s)*(insert|update|delete|select|with|values)\b/i.test(statement));
		expect(preparable.length).toBeGreaterThan(5);
		const db = await superuser();
		try {
			await db.query('begin');
			await db.query('set local role postgres');
			const failures: string[] = [];
			for (const [index, statement] of preparable.entries()) {
				await db.query(`savepoint s${index}`);
				try {
					await db.query(`prepare seed_statement_${index} as ${statement}`);
				} catch (error) {
					failures.push(`${(error as Error).message}: ${statement.slice(0, 80)}`);
					await db.query(`rollback to savepoint s${index}`);
				}
			}
			expect(failures).toEqual([]);
		} finally {
			await db.query('rollback');
			await db.end();
		}
	});

	it('switches sign-up off in [auth], never the e-mail provider in [auth.email]', async () => {
		const config = await readFile(join(PROJECT_ROOT, 'supabase/config.toml'), 'utf8');
		const section = (name: string) => {
			const match = new RegExp(`^\\[${name.replace('.', '\\.')}\\]\\s*$([\\s\\S]*?)(?=^\\[|$(?![\\s\\S]))`, 'm').exec(config);
			return match?.[1] ?? '';
		};
		expect(section('auth')).toMatch(/^enable_signup = false$/m);
		expect(section('auth.email')).not.toMatch(/^enable_signup\s*=/m);
		expect(section('api')).toMatch(/^auto_expose_new_tables = false$/m);
	});
});
