// public_page.*: what a phone downloads to render /f/<token> from the production build, gzip-compressed.
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Figure } from './figure.ts';
import type { AppUnderTest } from './app-server.ts';

const DEMO_TOKEN = 'demo-campaign-2026';

export async function benchPublicPage(app: AppUnderTest): Promise<Figure[]> {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
	const origin = new URL(app.appUrl).origin;
	let jsBytes = 0;
	let totalBytes = 0;
	let external = 0;
	const pending: Promise<void>[] = [];
	page.on('response', (response) => {
		if (new URL(response.url()).origin !== origin) return;
		// Measured as gzip of the body, whatever the server chose to send: the size on a real deployment.
		pending.push(
			response.body().then(
				(body) => {
					const gzipped = gzipSync(body, { level: 9 }).length;
					totalBytes += gzipped;
					if (response.request().resourceType() === 'script' || response.url().endsWith('.js')) jsBytes += gzipped;
				},
				() => {}
			)
		);
	});
	page.on('request', (request) => {
		if (new URL(request.url()).origin !== origin && !request.url().startsWith('data:')) external++;
	});
	await page.goto(`${app.appUrl}/f/${DEMO_TOKEN}`, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	await browser.close();
	const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
	return [
		{
			name: 'public_page.js_gzip_kb',
			value: kb(jsBytes),
			unit: 'KB',
			target: null,
			better: 'lower',
			note: 'JavaScript to render /f/<token>, gzip -9 of each body'
		},
		{
			name: 'public_page.total_gzip_kb',
			value: kb(totalBytes),
			unit: 'KB',
			target: null,
			better: 'lower',
			note: 'HTML, CSS, JS and icons to render /f/<token>, gzip -9'
		},
		{
			name: 'public_page.external_requests',
			value: external,
			unit: 'count',
			target: 0,
			better: 'lower',
			note: 'requests to any other origin'
		}
	];
}
