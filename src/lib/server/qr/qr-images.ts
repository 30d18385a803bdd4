// QR codes for a feedback link, made on the server so the browser needs no QR library.
import QRCode from 'qrcode';

export interface QrSvg {
	/** The SVG markup: qrcode writes only paths and a viewBox. */
	svg: string;
	/** A `data:` URL to show it in an <img> (the CSP allows data: images); nothing about the link is stored. */
	svgDataUrl: string;
}

// Medium correction survives a crease or a smudge on a printed sheet without making the code dense.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

export async function qrSvg(link: string): Promise<QrSvg> {
	const svg = await QRCode.toString(link, { ...OPTIONS, type: 'svg' });
	return { svg, svgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}` };
}

/** A 600 px PNG: big enough to print a few centimetres wide. */
export function qrPng(link: string): Promise<Buffer> {
	return QRCode.toBuffer(link, { ...OPTIONS, type: 'png', width: 600 });
}
