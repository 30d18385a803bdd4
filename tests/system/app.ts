// The production build on a throwaway stack of its own, with the fixed benchmark rate limits (every test
// request comes from one address) and a superuser connection for looking at what was stored.
import pg from 'pg';
import { startAppUnderTest, type AppUnderTest } from '../../bench/app-server.ts';
import { useBenchRateLimits } from '../../bench/rate-limits.ts';

export interface SystemApp extends AppUnderTest {
	db: pg.Client;
}

export async function startSystemApp(name: string): Promise<SystemApp> {
	const app = await startAppUnderTest(`feedback-system-${name}`);
	const db = new pg.Client({ connectionString: app.stack.dbUrl });
	// A test that restarts the database loses this connection; it opens another for its checks.
	db.on('error', () => {});
	await db.connect();
	await useBenchRateLimits(db);
	return {
		...app,
		db,
		async stop() {
			await db.end().catch(() => {});
			await app.stop();
		}
	};
}

/** Lines of the app's log that show a crash or a promise nobody handled. */
export function crashLines(output: string[]): string[] {
	return output
		.join('')
		.split('\n')
		.filter((line) => /unhandled|uncaught|ERR_UNHANDLED|FATAL ERROR|Segmentation/i.test(line));
}
