// Writes src/lib/database.types.ts from the database's `public` schema, in the
// shape `supabase gen types typescript` produces, without Docker or the CLI.
// Uses SUPABASE_DB_URL, or starts a throwaway embedded stack when it is unset.
// Usage: node scripts/gen-db-types.ts (npm run db:types); with --check it writes nothing and
// exits 1 when the committed file differs from what the migrations produce (a gate in `npm test`).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../supabase/local/stack.ts';
import { startThrowawayStack } from '../supabase/local/throwaway.ts';
import { readSchema } from './db-types/introspect.ts';
import { renderDatabaseTypes } from './db-types/render.ts';

const OUTPUT_FILE = join(PROJECT_ROOT, 'src/lib/database.types.ts');

async function withDatabaseUrl<T>(use: (url: string) => Promise<T>): Promise<T> {
	const given = process.env.SUPABASE_DB_URL;
	if (given) return use(given);
	const { stack, dispose } = await startThrowawayStack('feedback-db-types');
	try {
		return await use(stack.dbUrl);
	} finally {
		await dispose();
	}
}

/** The first line where two texts differ, 1-based, or 0 when they are equal. */
function firstDifferentLine(a: string, b: string): number {
	const left = a.split('\n');
	const right = b.split('\n');
	for (let i = 0; i < Math.max(left.length, right.length); i++) if (left[i] !== right[i]) return i + 1;
	return 0;
}

if (import.meta.main) {
	const source = await withDatabaseUrl(async (url) => {
		const db = new pg.Client({ connectionString: url });
		await db.connect();
		try {
			return renderDatabaseTypes(await readSchema(db));
		} finally {
			await db.end();
		}
	});
	if (process.argv.includes('--check')) {
		const committed = await readFile(OUTPUT_FILE, 'utf8').catch(() => '');
		const line = firstDifferentLine(committed, source);
		if (line) {
			console.error(`src/lib/database.types.ts:${line} differs from what the migrations generate: run \`npm run db:types\` and commit it.`);
			process.exit(1);
		}
		console.log('src/lib/database.types.ts matches the migrations.');
	} else {
		await writeFile(OUTPUT_FILE, source);
		console.log(`Wrote ${OUTPUT_FILE}`);
	}
}
