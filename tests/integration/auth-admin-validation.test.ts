// The admin API refuses what GoTrue refuses: malformed e-mail addresses, impossible ban durations.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { serviceClient } from './env.ts';

const newEmail = () => `${crypto.randomUUID()}@test.local`;

describe('admin create-user validation', () => {
	it('refuses malformed e-mail addresses with 400 validation_failed, as GoTrue', async () => {
		const special = fc.constantFrom(':', ';', ',', '<', '>', '(', ')', '[', ']', '\\', '"', ' ', '@');
		const malformed = [
			'xx:;x@x.x',
			'a b@x.x',
			'a@-x.x',
			'a@x..x',
			...fc.sample(fc.tuple(fc.stringMatching(/^[a-z]{1,5}$/), special).map(([local, bad]) => `${local}${bad}x@x.example`), 8)
		];
		for (const email of malformed) {
			const { data, error } = await serviceClient().auth.admin.createUser({ email, password: 'correct-horse-1' });
			expect(data.user, email).toBeNull();
			expect(error, email).toMatchObject({ status: 400, code: 'validation_failed' });
		}
	});

	it('accepts the addresses GoTrue accepts', async () => {
		for (const email of [newEmail(), `o'brien+${crypto.randomUUID().slice(0, 8)}@sub.test.local`]) {
			const { error } = await serviceClient().auth.admin.createUser({ email, password: 'correct-horse-1' });
			expect(error, email).toBeNull();
		}
	});

	it('refuses a ban duration beyond what Go can hold with 400, not 500', async () => {
		for (const ban_duration of ['9999999999h', '1e400h', `${'9'.repeat(40)}s`, '2562048h']) {
			const { error } = await serviceClient().auth.admin.createUser({ email: newEmail(), password: 'correct-horse-1', ban_duration });
			expect(error, ban_duration).toMatchObject({ status: 400, code: 'validation_failed' });
		}
	});
});
