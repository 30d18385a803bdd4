import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { qrPng, qrSvg } from '../../../src/lib/server/qr/qr-images.ts';

const LINK = 'https://opinion.example.es/f/Ab3_-xYz0123456789abcd';

describe('qrPng', () => {
	it('makes a PNG that decodes to exactly the link', async () => {
		const png = PNG.sync.read(await qrPng(LINK));
		expect(png.width).toBe(600);
		expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(LINK);
	});
});

describe('qrSvg', () => {
	it('makes an SVG and a data URL of the same markup', async () => {
		const { svg, svgDataUrl } = await qrSvg(LINK);
		expect(svg).toMatch(/^<svg[^>]*viewBox=/);
		expect(svg).not.toMatch(/<script/i);
		expect(svgDataUrl.startsWith('data:image/svg+xml;base64,')).toBe(true);
		const decoded = Buffer.from(svgDataUrl.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8');
		expect(decoded).toBe(svg);
	});

	it('gives different codes for different links', async () => {
		expect((await qrSvg(`${LINK}1`)).svg).not.toBe((await qrSvg(`${LINK}2`)).svg);
	});
});
