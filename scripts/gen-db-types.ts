// Writes src/lib/database.types.ts from the database's `public` schema, in the
// shape `supabase gen types typescript` produces, without Docker or the CLI.
// Uses SUPABASE_DB_URL, or starts a throwaway embedded stack when it is unset.
// Usage: node scripts/gen-db-types.ts (npm run db:types)
import { writeFile } from 'node:fs/promises';
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
	await writeFile(OUTPUT_FILE, source);
	console.log(`Wrote ${OUTPUT_FILE}`);
}
