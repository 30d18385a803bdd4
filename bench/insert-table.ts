// The yardstick for submit.rpc_vs_insert: a one-column table anon may insert into, created in the
// benchmark's throwaway stack only (never a product migration) and dropped afterwards.
import type pg from 'pg';

export const INSERT_TABLE = 'bench_plain_insert';

export async function createInsertTable(db: pg.Client, restUrl: string, anonKey: string): Promise<void> {
	await db.query(`create table public.${INSERT_TABLE} (note text)`);
	await db.query(`grant insert on public.${INSERT_TABLE} to anon`);
	await db.query(`notify pgrst, 'reload schema'`);
	// PostgREST reloads its schema cache in the background: wait until it knows the table.
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		const response = await fetch(`${restUrl}/${INSERT_TABLE}`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json', prefer: 'return=minimal' },
			body: '{"note":"ready"}'
		});
		if (response.status === 201) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`PostgREST never saw public.${INSERT_TABLE}`);
}

export async function dropInsertTable(db: pg.Client): Promise<void> {
	await db.query(`drop table if exists public.${INSERT_TABLE}`);
	await db.query(`notify pgrst, 'reload schema'`);
}
