// Password hashing and GoTrue's strength rules (minimum_password_length = 6 in config.toml).
import bcrypt from 'bcryptjs';
import { unprocessable } from './errors.ts';

const COST = 10;
const MIN_LENGTH = 6;
// bcrypt ignores everything past 72 bytes; GoTrue refuses such passwords rather than truncate them.
const MAX_BYTES = 72;

export function checkPasswordStrength(password: string) {
	if (Buffer.byteLength(password) > MAX_BYTES) {
		throw unprocessable('validation_failed', `Password cannot be longer than ${MAX_BYTES} characters`);
	}
	if ([...password].length < MIN_LENGTH) {
		throw unprocessable('weak_password', `Password should be at least ${MIN_LENGTH} characters.`, {
			weak_password: { reasons: ['length'] }
		});
	}
}

/**
 * bcryptjs writes `$2b$`; Go's bcrypt (GoTrue) writes `$2a$`. For passwords of at
 * most 72 bytes the two compute the same hash, so the prefix is all that differs.
 */
export async function hashPassword(password: string): Promise<string> {
	const hash = await bcrypt.hash(password, COST);
	return hash.replace(/^\$2b\$/, '$2a$');
}

/** Also accepts pgcrypto's crypt(pw, gen_salt('bf')) hashes, which the seed uses. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
	if (!hash || !/^\$2[aby]\$\d\d\$/.test(hash)) return false;
	try {
		return await bcrypt.compare(password, hash.replace(/^\$2y\$/, '$2a$'));
	} catch {
		return false;
	}
}

// A real bcrypt hash of a random password at the same cost: checking an unknown e-mail against it
// costs what a wrong password costs, so timing does not tell which staff e-mails exist.
const DUMMY_HASH = bcrypt.hashSync(crypto.randomUUID(), COST);

/** Spends one bcrypt comparison and fails: the unknown-user path of a sign-in. */
export async function spendPasswordCheck(password: string): Promise<false> {
	await bcrypt.compare(password, DUMMY_HASH);
	return false;
}
