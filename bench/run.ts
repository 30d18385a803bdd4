// `npm run bench`: runs every benchmark, prints a table, writes bench/results/<UTC time>.json.
// Figures that need the app use the production build (`npm run build` first).
// BENCH_SECONDS shortens each load run (20 s by default) for a quick look; BENCH_ONLY=stack|page|submit|inbox|dashboard picks one group.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../supabase/local/stack.ts';
import { benchStackStart } from './stack-start.ts';
import { benchPublicPage } from './public-page.ts';
import { benchInbox } from './inbox.ts';
import { benchDashboard, benchDashboard10m } from './dashboard.ts';
import { benchSubmit } from './submit.ts';
import { startAppUnderTest } from './app-server.ts';
import type { Figure } from './figure.ts';

const only = process.env.BENCH_ONLY;
const figures: Figure[] = [];
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const dir = join(PROJECT_ROOT, 'bench/results');
const file = join(dir, `${stamp}.json`);
// Written after every group, so a run that fails late (the 10M generation takes about half an hour) keeps what it measured.
async function save() {
	await mkdir(dir, { recursive: true });
	await writeFile(file, JSON.stringify(figures, null, 2) + '\n');
}

if (!only || only === 'stack') {
	figures.push(...(await benchStackStart()));
	await save();
}
if (!only || only === 'page' || only === 'submit' || only === 'inbox') {
	const app = await startAppUnderTest();
	try {
		if (!only || only === 'page') figures.push(...(await benchPublicPage(app)));
		await save();
		if (!only || only === 'submit') figures.push(...(await benchSubmit(app)));
		await save();
		// Last: it loads 100,000 items into the stack the other figures share.
		if (!only || only === 'inbox') figures.push(...(await benchInbox(app)));
		await save();
	} finally {
		await app.stop();
	}
}
// Its own stack: the dashboard figures load 1M responses (10M with BENCH_DASHBOARD_10M=1), which would skew the others.
if (!only || only === 'dashboard') {
	const dashboardApp = await startAppUnderTest();
	try {
		const dashboard = await benchDashboard(dashboardApp);
		figures.push(...dashboard);
		await save();
		if (process.env.BENCH_DASHBOARD_10M === '1') figures.push(await benchDashboard10m(dashboardApp, dashboard));
	} finally {
		await dashboardApp.stop();
	}
}

console.table(figures.map(({ name, value, unit, target, note }) => ({ name, value, unit, target, note })));
await save();
console.log(`Wrote ${file}`);
