// What a page shows for a freshly issued token: the link and its QR code. Nothing is stored.
import { env } from '$env/dynamic/public';
import { feedbackLink } from './feedback-link.ts';
import { qrSvg, type QrSvg } from './qr-images.ts';

export interface IssuedLink extends QrSvg {
	link: string;
}

export function linkFor(token: string, requestUrl: URL): string {
	return feedbackLink(env.PUBLIC_SITE_URL, requestUrl.origin, token);
}

export async function issuedLink(token: string, requestUrl: URL): Promise<IssuedLink> {
	const link = linkFor(token, requestUrl);
	return { link, ...(await qrSvg(link)) };
}
