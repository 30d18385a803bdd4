// public_page.lcp_slow3g_ms: largest contentful paint of /f/<token> in Chromium with Slow 3G network emulation
// (400 ms round trip, 400 kbit/s each way) and 4x CPU throttling, cold cache; median of a few loads.
import type { Browser } from '@playwright/test';
import { median, type Figure } from './figure.ts';

const RUNS = 3;
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

async function oneLoad(browser: Browser, url: string): Promise<number> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
		return await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					new PerformanceObserver((list) => {
						const entries = list.getEntries();
						resolve(entries[entries.length - 1].startTime);
					}).observe({ type: 'largest-contentful-paint', buffered: true });
				})
		);
	} finally {
		await context.close();
	}
}

export async function benchLcp(browser: Browser, url: string): Promise<Figure> {
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) times.push(await oneLoad(browser, url));
	return {
		name: 'public_page.lcp_slow3g_ms',
		value: Math.round(median(times)),
		unit: 'ms',
		target: 2500,
		better: 'lower',
		note: `LCP of /f/<token>, Slow 3G (400 ms RTT, 400 kbit/s) and 4x CPU throttling, cold cache; median of ${RUNS}`
	};
}
