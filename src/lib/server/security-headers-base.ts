// The headers every response carries, whoever makes it: SvelteKit's pages through hooks.server.ts,
// and redirects, errors and static files through scripts/serve.ts. Plain, so that server can import it.
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	// Feedback and tracking URLs carry secrets: never leak them to another site.
	'referrer-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
	'cross-origin-opener-policy': 'same-origin'
};
