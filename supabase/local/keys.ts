// Secrets of one embedded stack: made once per data folder, kept owner-only.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { SignJWT } from 'jose';

export interface StackSecrets {
	jwtSecret: string;
	dbPassword: string;
	authenticatorPassword: string;
	/** When the keys were first issued, so the printed keys stay the same across restarts. */
	issuedAt: number;
}

export interface ApiKeys {
	anonKey: string;
	serviceRoleKey: string;
}

const SECRETS_FILE = 'secrets.json';

function randomSecret(bytes: number): string {
	return randomBytes(bytes).toString('base64url');
}

/** Reads the folder's secrets, or makes new random ones (never Supabase's public demo secret). */
export async function loadOrCreateSecrets(dataDir: string): Promise<StackSecrets> {
	const file = join(dataDir, SECRETS_FILE);
	try {
		return JSON.parse(await readFile(file, 'utf8')) as StackSecrets;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const secrets: StackSecrets = {
		jwtSecret: randomSecret(48),
		dbPassword: randomSecret(24),
		authenticatorPassword: randomSecret(24),
		issuedAt: Math.floor(Date.now() / 1000)
	};
	await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
	await chmod(file, 0o600);
	return secrets;
}

export function secretKey(jwtSecret: string): Uint8Array {
	return new TextEncoder().encode(jwtSecret);
}

/** Signs an HS256 JWT the way Supabase's API keys and GoTrue's access tokens are signed. */
export async function signJwt(payload: Record<string, unknown>, jwtSecret: string): Promise<string> {
	return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretKey(jwtSecret));
}

// Same payload shape as the Supabase CLI's keys; ten years is what the CLI gives them too.
const KEY_LIFETIME_S = 10 * 365 * 24 * 3600;

export async function makeApiKeys({ jwtSecret, issuedAt }: StackSecrets): Promise<ApiKeys> {
	const exp = issuedAt + KEY_LIFETIME_S;
	return {
		anonKey: await signJwt({ iss: 'supabase-local', role: 'anon', iat: issuedAt, exp }, jwtSecret),
		serviceRoleKey: await signJwt({ iss: 'supabase-local', role: 'service_role', iat: issuedAt, exp }, jwtSecret)
	};
}
