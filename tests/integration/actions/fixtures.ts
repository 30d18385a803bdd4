// Plans the corrective-action tests own, made with the superuser connection; backdate() moves a plan's
// "actions done" instant into the past, which is how the tests fix the clock of the effectiveness check.
import { superuser } from '../env.ts';
import { sql } from '../feedback/fixtures.ts';

export { CLIENT_OF_ACCOUNT, CLIENT_OF_ACCOUNT_2, anon, signedIn, sql } from '../feedback/fixtures.ts';
export { insertItem } from '../triage/fixtures.ts';

export const QUALITY = 'a0000000-0000-4000-8000-000000000003';
export const MANAGER = 'a0000000-0000-4000-8000-000000000002';
export const AGENT = 'a0000000-0000-4000-8000-000000000004';

/** A client of its own, so no seeded complaint falls inside a test's check window. */
export async function newClient(accountManager: string | null = null): Promise<string> {
	const [client] = await sql<{ id: string }>('insert into public.clients (name, account_manager_id) values ($1, $2) returning id', [
		`Cliente de acciones ${crypto.randomUUID().slice(0, 8)}`,
		accountManager
	]);
	return client.id;
}

export async function insertPlan(options: { owner?: string; title?: string; items?: string[]; clients?: string[] } = {}): Promise<string> {
	const [plan] = await sql<{ id: string }>(
		`insert into public.action_plans (title, owner_id, origins) values ($1, $2, '{complaint}') returning id`,
		[options.title ?? 'Plan de prueba', options.owner ?? QUALITY]
	);
	for (const item of options.items ?? []) {
		await sql('insert into public.action_plan_items (plan_id, feedback_item_id) values ($1, $2)', [plan.id, item]);
	}
	for (const client of options.clients ?? []) {
		await sql('insert into public.action_plan_clients (plan_id, client_id) values ($1, $2) on conflict do nothing', [plan.id, client]);
	}
	return plan.id;
}

export async function addAction(planId: string, done = true): Promise<string> {
	const [action] = await sql<{ id: string }>(
		`insert into public.action_plan_actions (plan_id, description, owner_id, due_on, done_on)
		values ($1, 'Acción de prueba', $2, current_date + 7, case when $3 then current_date end) returning id`,
		[planId, AGENT, done]
	);
	return action.id;
}

/** A plan whose actions are done, then moved `daysAgo` days into the past. */
export async function planWithActionsDone(items: string[], daysAgo: number, owner = QUALITY): Promise<string> {
	const plan = await insertPlan({ items, owner });
	await addAction(plan);
	await sql(`update public.action_plans set status = 'actions_done' where id = $1`, [plan]);
	await backdate(plan, daysAgo);
	return plan;
}

// Triggers off for this one fixture write (superuser only): the workflow trigger stamps now() and
// refuses moving these columns by hand, which is right for everyone but a test fixing the clock.
export async function backdate(planId: string, days: number): Promise<void> {
	const db = await superuser();
	try {
		await db.query('begin');
		await db.query('set local session_replication_role = replica');
		await db.query(
			`update public.action_plans set actions_done_at = actions_done_at - make_interval(days => $2),
				verification_due_on = verification_due_on - $2::integer where id = $1`,
			[planId, days]
		);
		await db.query('commit');
	} finally {
		await db.end();
	}
}

export async function statusOf(planId: string): Promise<string> {
	const [row] = await sql<{ status: string }>('select status from public.action_plans where id = $1', [planId]);
	return row.status;
}
