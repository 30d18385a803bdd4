// What a browser downloads to render a page: every same-origin response of a real load, gzip-sized
// (SvelteKit sends module preloads in a Link header, so the HTML alone does not name them all).
// Shared by the benchmark and the page-budget test.
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

export interface PageWeight {
	jsBytes: number;
	totalBytes: number;
	externalRequests: number;
	/** Same-origin responses by URL path, gzip bytes, for a report when a budget is missed. */
	responses: { path: string; gzipBytes: number; script: boolean }[];
}

export async function measurePageWeight(page: Page, url: string): Promise<PageWeight> {
	const origin = new URL(url).origin;
	const weight: PageWeight = { jsBytes: 0, totalBytes: 0, externalRequests: 0, responses: [] };
	const pending: Promise<void>[] = [];
	page.on('response', (response) => {
		const responseUrl = new URL(response.url());
		if (responseUrl.origin !== origin) return;
		// Measured as gzip of the body, whatever the server chose to send: the size on a real deployment.
		pending.push(
			response.body().then(
				(body) => {
					const gzipBytes = gzipSync(body, { level: 9 }).length;
					const script = response.request().resourceType() === 'script' || responseUrl.pathname.endsWith('.js');
					weight.totalBytes += gzipBytes;
					if (script) weight.jsBytes += gzipBytes;
					weight.responses.push({ path: responseUrl.pathname, gzipBytes, script });
				},
				() => {}
			)
		);
	});
	page.on('request', (request) => {
		if (new URL(request.url()).origin !== origin && !request.url().startsWith('data:')) weight.externalRequests++;
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	return weight;
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
