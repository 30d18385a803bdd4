// The audit trail records who changed which columns of the staff-edited tables, old and new values.
import { describe, it, expect } from 'vitest';
import { signedIn, sql } from './fixtures.ts';

const MANAGER = 'a0000000-0000-4000-8000-000000000002';

describe('audit trail', () => {
	it('records an insert, an update of the changed columns only, and a delete, with the person', async () => {
		const manager = await signedIn('manager');
		const admin = await signedIn('admin');
		const created = await manager.from('clients').insert({ name: 'Cliente auditado S.L.', sector: 'Pruebas' }).select('id').single();
		const id = created.data!.id;
		await manager.from('clients').update({ sector: 'Auditoría' }).eq('id', id);
		await admin.from('clients').delete().eq('id', id);
		const rows = await sql(
			'select action, actor_id, actor_role, old_values, new_values from public.audit_log where table_name = $1 and row_id = $2 order by id',
			['clients', id]
		);
		expect(rows).toHaveLength(3);
		expect(rows[0]).toMatchObject({ action: 'insert', actor_id: MANAGER, actor_role: 'authenticated', old_values: null });
		expect(rows[0].new_values).toMatchObject({ name: 'Cliente auditado S.L.', sector: 'Pruebas' });
		expect(rows[1]).toEqual({
			action: 'update',
			actor_id: MANAGER,
			actor_role: 'authenticated',
			old_values: { sector: 'Pruebas' },
			new_values: { sector: 'Auditoría' }
		});
		expect(rows[2]).toMatchObject({ action: 'delete', actor_id: 'a0000000-0000-4000-8000-000000000001', new_values: null });
		expect(rows[2].old_values).toMatchObject({ name: 'Cliente auditado S.L.', sector: 'Auditoría' });
	});

	it('leaves out caches and secrets: a deadline refresh or a version bump writes no audit row', async () => {
		const [item] = await sql<{ id: string }>(
			"insert into public.feedback_items (kind, category, subject, description) values ('complaint', 'service', 'Sin auditoría de caché', 'Descripción suficiente.') returning id"
		);
		const [{ count: before }] = await sql<{ count: string }>('select count(*) from public.audit_log where row_id = $1', [item.id]);
		await sql('update public.feedback_items set version = version + 1, sla_next_due_at = now() where id = $1', [item.id]);
		const [{ count: after }] = await sql<{ count: string }>('select count(*) from public.audit_log where row_id = $1', [item.id]);
		expect(after).toBe(before);
		const [inserted] = await sql('select new_values from public.audit_log where row_id = $1 and action = $2', [item.id, 'insert']);
		expect(Object.keys(inserted.new_values as object)).not.toContain('search_document');
		expect(Object.keys(inserted.new_values as object)).not.toContain('submission_hash');
	});
});
