import { describe, it, expect } from 'vitest';
import { anon, sql } from './fixtures.ts';

const TABLES = ['surveys', 'survey_invitations', 'survey_responses', 'feedback_items', 'feedback_messages'];
const anyId = '00000000-0000-4000-8000-000000000000';

describe('anon and the feedback tables', () => {
	for (const table of TABLES) {
		describe(table, () => {
			it('cannot select', async () => {
				const { data, error } = await anon().from(table).select('*').limit(1);
				expect(error?.code).toBe('42501');
				expect(data).toBeNull();
			});
			it('cannot insert', async () => {
				const { error } = await anon().from(table).insert({ id: anyId });
				expect(error?.code).toBe('42501');
			});
			it('cannot update', async () => {
				const { error } = await anon().from(table).update({ created_at: new Date().toISOString() }).eq('id', anyId);
				expect(error?.code).toBe('42501');
			});
			it('cannot delete', async () => {
				const { error } = await anon().from(table).delete().eq('id', anyId);
				expect(error?.code).toBe('42501');
			});
		});
	}

	it('holds no privilege of any kind on them, nor on the private counters', async () => {
		const rows = await sql(
			`select table_schema, table_name, privilege_type from information_schema.role_table_grants
			where grantee = 'anon' and (table_schema, table_name) in
				(('public', 'surveys'), ('public', 'survey_invitations'), ('public', 'survey_responses'), ('public', 'feedback_items'),
				('public', 'feedback_messages'), ('private', 'rate_limit_counters'), ('private', 'rate_limit_rules'))`
		);
		expect(rows).toEqual([]);
	});

	it('cannot call the staff functions', async () => {
		for (const [name, args] of [
			['create_invitations', { p_invitations: [{ kind: 'campaign', offers_complaint: true }] }],
			['create_invitation', { p_invitation: { kind: 'campaign', offers_complaint: true } }],
			['reissue_invitation_link', { p_invitation_id: 'f1000000-0000-4000-8000-000000000001' }]
		] as const) {
			const { error } = await anon().rpc(name, args);
			expect(error?.code, name).toBe('42501');
		}
	});

	it('cannot reach the private helpers through the API', async () => {
		const { error } = await anon().rpc('over_rate_limit', { p_scope: 'address', p_bucket: 'x' });
		expect(error).not.toBeNull();
	});
});
