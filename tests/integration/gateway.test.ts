import { describe, it, expect } from 'vitest';
import { apiUrl, anonKey, serviceRoleKey } from './env.ts';
import { signJwt } from '../../supabase/local/keys.ts';

describe('gateway', () => {
	it('refuses a request without an apikey', async () => {
		const response = await fetch(`${apiUrl()}/rest/v1/`);
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ message: 'No API key found in request' });
	});

	it('refuses an apikey it does not know, even one signed with another secret', async () => {
		const forged = await signJwt(
			{ role: 'service_role', exp: Math.floor(Date.now() / 1000) + 60 },
			'another-secret-another-secret-another-secret'
		);
		const response = await fetch(`${apiUrl()}/rest/v1/`, { headers: { apikey: forged } });
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ message: 'Invalid authentication credentials' });
	});

	it('routes /rest/v1 to PostgREST with the anon and service keys', async () => {
		for (const key of [anonKey(), serviceRoleKey()]) {
			const response = await fetch(`${apiUrl()}/rest/v1/`, { headers: { apikey: key } });
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toContain('application/openapi+json');
		}
	});

	it('answers CORS preflight for browsers', async () => {
		const response = await fetch(`${apiUrl()}/rest/v1/anything`, { method: 'OPTIONS' });
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-headers')).toContain('apikey');
	});
});
