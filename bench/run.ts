// `npm run bench`: runs every benchmark, prints a table, writes bench/results/<UTC time>.json.
// Figures that need the app use the production build (`npm run build` first).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../supabase/local/stack.ts';
import { benchStackStart } from './stack-start.ts';
import { benchPublicPage } from './public-page.ts';
import { benchInbox } from './inbox.ts';
import { benchDashboard } from './dashboard.ts';
import { startAppUnderTest } from './app-server.ts';
import type { Figure } from './figure.ts';

const figures: Figure[] = [...(await benchStackStart())];
const app = await startAppUnderTest();
try {
	figures.push(...(await benchPublicPage(app)));
	// Last: it loads 100,000 items into the stack the other figures share.
	figures.push(...(await benchInbox(app)));
} finally {
	await app.stop();
}
// Its own stack: the dashboard figures load 1M responses (10M with BENCH_DASHBOARD_10M=1), which would skew the others.
const dashboardApp = await startAppUnderTest();
try {
	figures.push(...(await benchDashboard(dashboardApp)));
} finally {
	await dashboardApp.stop();
}

console.table(figures.map(({ name, value, unit, target, note }) => ({ name, value, unit, target, note })));
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const dir = join(PROJECT_ROOT, 'bench/results');
await mkdir(dir, { recursive: true });
const file = join(dir, `${stamp}.json`);
await writeFile(file, JSON.stringify(figures, null, 2) + '\n');
console.log(`Wrote ${file}`);
