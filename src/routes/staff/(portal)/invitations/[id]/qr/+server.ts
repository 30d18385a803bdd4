// Downloads of an invitation's QR code (SVG or PNG). The raw token comes in the POST body from the page
// that just showed it and is checked against the stored hash: nothing but the hash is ever stored.
import { error, type RequestHandler } from '@sveltejs/kit';
import { linkFor } from '$lib/server/qr/issued-link';
import { qrPng, qrSvg } from '$lib/server/qr/qr-images';
import { sha256Hex, TOKEN_PATTERN } from '$lib/server/tokens';
import { holdsToken, loadInvitation } from '../../invitation-row.server.ts';

export const POST: RequestHandler = async ({ locals, params, request, url }) => {
	if (!locals.staff) error(403, 'Forbidden');
	const form = await request.formData();
	const token = form.get('token');
	const format = form.get('format') === 'png' ? 'png' : 'svg';
	const invitation = await loadInvitation(locals.supabase, params.id!);
	if (typeof token !== 'string' || !TOKEN_PATTERN.test(token) || !holdsToken(invitation, sha256Hex(token)))
		error(400, 'Not this invitation');

	const link = linkFor(token, url);
	const name = `qr-${(invitation.label || invitation.client?.name || invitation.id).replace(/[^\p{L}\p{N}]+/gu, '-')}.${format}`;
	const headers = {
		'content-disposition': `attachment; filename="qr.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
		// The body is a working link: keep it out of every cache.
		'cache-control': 'no-store'
	};
	if (format === 'svg') return new Response((await qrSvg(link)).svg, { headers: { ...headers, 'content-type': 'image/svg+xml' } });
	return new Response(new Uint8Array(await qrPng(link)), { headers: { ...headers, 'content-type': 'image/png' } });
};
