import { chromium } from '@playwright/test';
import { startAppUnderTest } from '/work/wt/load/bench/app-server.ts';
import { measurePageWeight, kb } from '/work/wt/load/bench/page-weight.ts';
const app = await startAppUnderTest();
try {
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
	for (const path of ['/f/demo-campaign-2026', '/f/demo-campaign-2026?as=complaint']) {
		const page = await browser.newPage();
		const w = await measurePageWeight(page, app.appUrl + path);
		console.log(path, 'js', kb(w.jsBytes), 'total', kb(w.totalBytes));
		for (const r of w.responses.sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log('  ', kb(r.gzipBytes), r.path);
	}
	await browser.close();
} finally { await app.stop(); }
