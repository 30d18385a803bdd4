// Deny by default: every function and table the API roles can reach, read from the
// catalog and compared with an allowlist. A migration that forgets a revoke, or a
// grant that goes further than its feature needs, fails here.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type pg from 'pg';
import { superuser } from '../env.ts';

const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;

// Functions each role may execute, outside pg_catalog, information_schema and extensions' own.
const FUNCTIONS: Record<(typeof API_ROLES)[number], string[]> = {
	anon: [
		'auth.email()',
		'auth.jwt()',
		'auth.role()',
		'auth.uid()',
		// Notifications (20261202001000_notifications.sql): the client's message and one-click unsubscribe by tracking token.
		'public.add_client_message(text,text,text)',
		'public.get_feedback_page(text)',
		'public.get_tracking(text)',
		'public.submit_feedback_item(text,text,jsonb,text)',
		'public.submit_resolution_feedback(text,text,boolean,text)',
		'public.submit_survey_response(text,text,jsonb,text)',
		'public.unsubscribe_tracking(text)',
		// Supabase's own realtime schema, granted as hosted ships it; RLS on realtime.messages decides who may
		// join a private channel or send on it (PostgREST does not expose this schema).
		'realtime.broadcast_changes(text,text,text,text,text,record,record,text)',
		'realtime.send(jsonb,text,text,boolean)',
		'realtime.topic()'
	],
	authenticated: [
		'auth.email()',
		'auth.jwt()',
		'auth.role()',
		'auth.uid()',
		// Indicators (20261201002000_indicators.sql): the caller-rights aggregate functions and what they call.
		'private.business_minutes_between(timestamp with time zone,timestamp with time zone)',
		'private.cached_deadline_state(public.feedback_status,timestamp with time zone,timestamp with time zone,timestamp with time zone)',
		'private.can_read_action_plan(uuid)',
		'private.cct_by_quarter(date,date,uuid[])',
		'private.client_name_key(text)',
		'private.contract_fulfilled(date,timestamp with time zone,public.contract_conformity)',
		'private.contract_timing(date,timestamp with time zone,date)',
		'private.current_staff_role()',
		'private.deadline_clocks(uuid,timestamp with time zone)',
		'private.feedback_search_query(text)',
		'private.freeze_closed_quarters()',
		'private.has_staff_role(public.staff_role[])',
		'private.indicator_figure(public.indicator_code,date,integer,integer,numeric)',
		'private.indicator_status(integer,integer,numeric)',
		'private.item_statistics(date,date,uuid[])',
		'private.local_day(timestamp with time zone)',
		'private.lowest_scoring_questions(date)',
		'private.managed_client_ids()',
		'private.manages_client(uuid)',
		'private.month_start(date)',
		'private.new_token()',
		'private.organisation_time_zone()',
		'private.organisation_today()',
		'private.quarter_from_label(text)',
		'private.quarter_label(date)',
		'private.quarter_start(date)',
		'private.reads_indicators()',
		'private.resolution_bucket_width(integer)',
		'private.response_rate(date,uuid[],uuid,public.response_channel)',
		'private.response_trend(date,text,uuid[],uuid,public.response_channel)',
		'private.sc_by_quarter(date,date,uuid[],uuid,public.response_channel)',
		'private.target_for(public.indicator_code,date)',
		'private.tax_id_key(text)',
		'private.token_hash(text)',
		'private.wilson_interval(integer,integer)',
		'public.action_plan_check(uuid,timestamp with time zone)',
		'public.action_plan_counts(timestamp with time zone)',
		'public.action_plan_statistics(date,date)',
		'public.action_plans_page(public.action_plan_status,uuid,public.action_plan_origin,boolean,boolean,timestamp with time zone,uuid,integer,timestamp with time zone)',
		'public.add_client_message(text,text,text)',
		'public.add_feedback_message(uuid,text,boolean,integer)',
		'public.approve_review(uuid)',
		'public.contract_timing(public.contracts)',
		'public.create_invitation(jsonb)',
		'public.create_invitations(jsonb)',
		'public.create_requirement_from_feedback(uuid,text,public.requirement_priority)',
		'public.dashboard_aggregates(jsonb)',
		'public.feedback_duplicate_candidates(uuid,integer)',
		'public.feedback_item_deadline_state(uuid,timestamp with time zone)',
		'public.feedback_item_deadlines(uuid,timestamp with time zone)',
		'public.get_feedback_page(text)',
		'public.get_tracking(text)',
		'public.inbox_counts(timestamp with time zone)',
		'public.inbox_items(jsonb,jsonb,integer,timestamp with time zone)',
		'public.match_invitation_rows(jsonb)',
		// Admins read and retry the outbox (the function checks the role); the outbox itself is private.
		'public.outbox_messages(text,integer)',
		'public.reissue_invitation_link(uuid)',
		'public.retry_outbox_message(uuid)',
		'public.review_figures(text)',
		// Bulk links by e-mail (20261202001200_invitation_sends.sql): checks each raw token against its invitation.
		'public.send_invitation_links(jsonb)',
		// Webhooks (20261202001300_webhooks.sql): the admin's test delivery (the function checks the role).
		'public.send_test_webhook(uuid)',
		'public.set_sla_targets(jsonb)',
		'public.submit_feedback_item(text,text,jsonb,text)',
		'public.submit_resolution_feedback(text,text,boolean,text)',
		'public.submit_survey_response(text,text,jsonb,text)',
		'public.unsubscribe_tracking(text)',
		// Own display name and language only (20261202002100_own_profile.sql).
		'public.update_my_profile(text,text)',
		// A link's uses for the staff screens (20261202003000_submission_hot_spots.sql): a computed field under the caller's RLS.
		'public.uses(public.survey_invitations)',
		// Supabase's own realtime schema, granted as hosted ships it; RLS on realtime.messages decides who may
		// join a private channel or send on it (PostgREST does not expose this schema).
		'realtime.broadcast_changes(text,text,text,text,text,record,record,text)',
		'realtime.send(jsonb,text,text,boolean)',
		'realtime.topic()'
	],
	// The app's server submits the phones' forms as service_role, naming their addresses.
	service_role: [
		'auth.email()',
		'auth.jwt()',
		'auth.role()',
		'auth.uid()',
		// Rebuilding the indicator rollups after a bulk import is a server-side admin task.
		'public.add_client_message(text,text,text)',
		'public.rebuild_rollups()',
		'public.submit_feedback_item(text,text,jsonb,text)',
		'public.submit_resolution_feedback(text,text,boolean,text)',
		'public.submit_survey_response(text,text,jsonb,text)',
		'public.uses(public.survey_invitations)',
		// Supabase's own realtime schema, granted as hosted ships it; RLS on realtime.messages decides who may
		// join a private channel or send on it (PostgREST does not expose this schema).
		'realtime.broadcast_changes(text,text,text,text,text,record,record,text)',
		'realtime.send(jsonb,text,text,boolean)',
		'realtime.topic()'
	]
};

// Tables (and views, sequences) on which the role holds any privilege, on the table or a column.
const TABLES: Record<(typeof API_ROLES)[number], string[]> = {
	// realtime.messages: Supabase's table, granted as hosted ships it, with RLS on (see FUNCTIONS).
	anon: ['realtime.messages'],
	authenticated: [
		// Indicator rollups, read through the caller-rights aggregate functions under RLS.
		'private.contract_rollup_daily',
		'private.invitation_rollup_monthly',
		// A campaign poster's use counters, read through public.uses() under RLS.
		'private.invitation_use_shards',
		'private.item_resolution_client_monthly',
		'private.item_resolution_monthly',
		'private.item_rollup_client_monthly',
		'private.item_rollup_monthly',
		'private.response_rollup_client_daily',
		'private.response_rollup_daily',
		'private.satisfaction_latest',
		'public.action_plan_actions',
		'public.action_plan_clients',
		'public.action_plan_items',
		'public.action_plan_transitions',
		'public.action_plans',
		'public.audit_log',
		'public.business_calendar',
		'public.business_holidays',
		'public.clients',
		'public.contracts',
		'public.feedback_item_events',
		'public.feedback_items',
		'public.feedback_messages',
		'public.feedback_status_transitions',
		'public.indicator_restatements',
		'public.indicator_snapshots',
		'public.indicator_targets',
		'public.invitation_sends',
		'public.management_reviews',
		// Each staff member's own notification preference (RLS: own row only).
		'public.notification_preferences',
		'public.requirements',
		'public.review_decisions',
		'public.sla_targets',
		'public.staff_availability',
		'public.staff_members',
		'public.survey_invitations',
		'public.survey_responses',
		'public.surveys',
		'public.triage_settings',
		// Admins only, by RLS.
		'public.webhook_deliveries',
		'public.webhook_endpoints',
		'realtime.messages'
	],
	service_role: ['realtime.messages']
};

const REACHABLE_FUNCTIONS = `
	select p.oid::regprocedure::text as name
	from pg_proc p join pg_namespace n on n.oid = p.pronamespace
	where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
		and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
		and has_schema_privilege($1, n.oid, 'usage') and has_function_privilege($1, p.oid, 'execute')
	order by 1`;

const REACHABLE_TABLES = `
	select n.nspname || '.' || c.relname as name
	from pg_class c join pg_namespace n on n.oid = c.relnamespace
	where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and n.nspname not in ('pg_catalog', 'information_schema')
		and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
		and (
			has_table_privilege($1, c.oid, 'select, insert, update, delete, truncate, references, trigger')
			or has_any_column_privilege($1, c.oid, 'select, insert, update, references')
			or (c.relkind = 'S' and has_sequence_privilege($1, c.oid, 'usage, select, update'))
		)
	order by 1`;

describe('what the API roles can reach', () => {
	let db: pg.Client;
	beforeAll(async () => {
		db = await superuser();
		// Names print schema-qualified, whatever the search path would have found.
		await db.query(`set search_path = ''`);
	});
	afterAll(async () => {
		await db.end();
	});

	for (const role of API_ROLES) {
		it(`${role} executes exactly the allowlisted functions`, async () => {
			const { rows } = await db.query(REACHABLE_FUNCTIONS, [role]);
			expect(rows.map((row) => row.name)).toEqual(FUNCTIONS[role]);
		});

		it(`${role} holds privileges on exactly the allowlisted tables`, async () => {
			const { rows } = await db.query(REACHABLE_TABLES, [role]);
			expect(rows.map((row) => row.name)).toEqual(TABLES[role]);
		});
	}

	// A migration runs as postgres; whatever it creates must start out unreachable.
	for (const schema of ['public', 'private']) {
		it(`gives no API role anything on a new function, table or sequence in ${schema}`, async () => {
			await db.query('begin');
			try {
				await db.query('set local role postgres');
				await db.query(`create function ${schema}.catalog_probe() returns int language sql as 'select 1'`);
				await db.query(`create table ${schema}.catalog_probe_table (id bigint generated always as identity primary key)`);
				const { rows } = await db.query(
					`select role,
						has_function_privilege(role, '${schema}.catalog_probe()', 'execute') as execute,
						has_table_privilege(role, '${schema}.catalog_probe_table', 'select, insert, update, delete, truncate, references, trigger') as table,
						has_sequence_privilege(role, pg_get_serial_sequence('${schema}.catalog_probe_table', 'id'), 'usage, select, update') as sequence
					from unnest(array['anon', 'authenticated', 'service_role']) as role`
				);
				expect(rows).toEqual(API_ROLES.map((role) => ({ role, execute: false, table: false, sequence: false })));
				const { rows: publicRows } = await db.query(
					`select exists (select 1 from aclexplode((select proacl from pg_proc where oid = '${schema}.catalog_probe()'::regprocedure))
						where grantee = 0) as public_execute`
				);
				expect(publicRows[0].public_execute).toBe(false);
			} finally {
				await db.query('rollback');
			}
		});
	}
});
