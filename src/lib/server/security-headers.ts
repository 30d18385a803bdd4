// Headers every response carries, on top of the CSP SvelteKit writes from svelte.config.js.
import { supabaseUrl } from './supabase-config.ts';

/** The Supabase origin over http(s) and ws(s): the only place browser code may connect to besides us. */
function connectSources(): string {
	const api = new URL(supabaseUrl());
	const ws = `${api.protocol === 'https:' ? 'wss:' : 'ws:'}//${api.host}`;
	return `'self' ${api.origin} ${ws}`;
}

export function securityHeaders(): Record<string, string> {
	return {
		// A second policy only narrows the first: this one limits where scripts may connect.
		'content-security-policy': `connect-src ${connectSources()}`,
		'x-content-type-options': 'nosniff',
		'x-frame-options': 'DENY',
		// Feedback and tracking URLs carry secrets: never leak them to another site.
		'referrer-policy': 'same-origin',
		'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
		'cross-origin-opener-policy': 'same-origin'
	};
}
