// Reads a corrective action plan with its parts, as the signed-in person may see them (RLS decides).
import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';

export async function loadPlan(supabase: SupabaseClient<Database>, id: string) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) error(404, 'Not found');
	const { data: plan } = await supabase.from('action_plans').select('*').eq('id', id).maybeSingle();
	if (!plan) error(404, 'Not found');
	const [items, clients, actions, check] = await Promise.all([
		supabase
			.from('action_plan_items')
			.select('feedback_item_id, linked_at, feedback_items(id, subject, category, status, created_at)')
			.eq('plan_id', id),
		supabase.from('action_plan_clients').select('client_id, clients(id, name)').eq('plan_id', id),
		supabase
			.from('action_plan_actions')
			.select('id, description, owner_id, due_on, done_on')
			.eq('plan_id', id)
			.order('due_on')
			.order('created_at'),
		supabase.rpc('action_plan_check', { p_plan_id: id })
	]);
	return {
		plan,
		items: (items.data ?? []).flatMap((row) => (row.feedback_items ? [row.feedback_items] : [])),
		clients: (clients.data ?? []).flatMap((row) => (row.clients ? [row.clients] : [])),
		actions: actions.data ?? [],
		check: (check.data ?? null) as Record<string, unknown> | null
	};
}

/** Who may own a plan (quality, managers, admins) and who may own an action (any active staff). */
export async function loadOwners(supabase: SupabaseClient<Database>) {
	const { data } = await supabase.from('staff_members').select('user_id, full_name, role').eq('active', true).order('full_name');
	const staff = data ?? [];
	return { planOwners: staff.filter((person) => ['quality', 'manager', 'admin'].includes(person.role)), actionOwners: staff };
}

export const canEditPlans = (role: Database['public']['Enums']['staff_role']) =>
	role === 'quality' || role === 'manager' || role === 'admin';
