// public_page.*: what a phone downloads to render /f/<token> from the production build, gzip-compressed,
// and how soon its largest paint shows on a slow phone network.
import { chromium } from '@playwright/test';
import type { Figure } from './figure.ts';
import type { AppUnderTest } from './app-server.ts';
import { kb, measurePageWeight } from './page-weight.ts';
import { benchLcp } from './lcp.ts';

const DEMO_TOKEN = 'demo-campaign-2026';

export async function benchPublicPage(app: AppUnderTest): Promise<Figure[]> {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
	try {
		const url = `${app.appUrl}/f/${DEMO_TOKEN}`;
		const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
		const weight = await measurePageWeight(page, url);
		await page.close();
		return [
			{
				name: 'public_page.js_gzip_kb',
				value: kb(weight.jsBytes),
				unit: 'KB',
				target: 40,
				better: 'lower',
				note: 'JavaScript to render /f/<token>, gzip -9 of each body'
			},
			{
				name: 'public_page.total_gzip_kb',
				value: kb(weight.totalBytes),
				unit: 'KB',
				target: 100,
				better: 'lower',
				note: 'HTML, CSS, JS and icons to render /f/<token>, gzip -9'
			},
			{
				name: 'public_page.external_requests',
				value: weight.externalRequests,
				unit: 'count',
				target: 0,
				better: 'lower',
				note: 'requests to any other origin'
			},
			await benchLcp(browser, url)
		];
	} finally {
		await browser.close();
	}
}
