// The tracking link a client keeps, as an absolute URL and as a QR code drawn on the server.
import QRCode from 'qrcode';
import { env } from '$env/dynamic/public';

/** PUBLIC_SITE_URL is the origin printed links point to; without it, the origin the client used. */
export function trackingUrl(trackingToken: string, requestUrl: URL): string {
	const origin = env.PUBLIC_SITE_URL?.replace(/\/+$/, '') || requestUrl.origin;
	return `${origin}/t/${encodeURIComponent(trackingToken)}`;
}

/** An SVG string; it is made here from our own URL, never from anything the client typed. */
export function qrCodeSvg(url: string): Promise<string> {
	return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
