// Headers every response carries, on top of the CSP SvelteKit writes from svelte.config.js.
import { supabaseUrl } from './supabase-config.ts';
import { BASE_SECURITY_HEADERS } from './security-headers-base.ts';

/** The Supabase origin over http(s) and ws(s): the only place browser code may connect to besides us. */
function connectSources(): string {
	const api = new URL(supabaseUrl());
	const ws = `${api.protocol === 'https:' ? 'wss:' : 'ws:'}//${api.host}`;
	return `'self' ${api.origin} ${ws}`;
}

/**
 * Adds connect-src to the one policy SvelteKit wrote. A second header would be a second policy, and a second
 * policy can only narrow the first, whose default-src 'self' would still block the Supabase origin.
 */
export function withConnectSources(policy: string | null): string {
	const directive = `connect-src ${connectSources()}`;
	if (!policy) return directive;
	const kept = policy
		.split(';')
		.map((part) => part.trim())
		.filter((part) => part !== '' && !part.startsWith('connect-src'));
	return [...kept, directive].join('; ');
}

export function securityHeaders(): Record<string, string> {
	return { ...BASE_SECURITY_HEADERS };
}
