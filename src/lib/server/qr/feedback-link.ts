// The public link a token opens: PUBLIC_SITE_URL when set (links outlive the server that printed them), else this request's origin.
export function feedbackLink(siteUrl: string | undefined, requestOrigin: string, token: string): string {
	const base = (siteUrl?.trim() || requestOrigin).replace(/\/+$/, '');
	return `${base}/f/${encodeURIComponent(token)}`;
}
