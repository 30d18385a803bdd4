-- Deadline compliance and reopen rate for the dashboard and the management review (ISO 9001 9.3.2:
-- "complaint statistics: deadline compliance, reopen rate").
--
-- * Each item keeps the outcome of its two clocks once they stop (met or breached; null while a clock
--   runs or never ran), written by the same refresh that keeps the deadline cache, so the outcome is
--   the event log's verdict (private.deadline_clocks) and a reopened item's resolution outcome goes back
--   to null until it stops again.
-- * The item rollups gain signed sums of those outcomes and of reopened items, by the month the item
--   was created, kept by the existing statement triggers and rebuilt by public.rebuild_rollups().
-- * public.set_sla_targets writes the four targets in one statement (one refresh of open items' deadlines).
-- * private.item_statistics adds `deadlines` (met / breached / share met per clock) and `reopened`
--   (items reopened at least once among those closed at least once).

alter table public.feedback_items
	add column sla_first_response_outcome text check (sla_first_response_outcome in ('met', 'breached')),
	add column sla_resolution_outcome text check (sla_resolution_outcome in ('met', 'breached'));

comment on column public.feedback_items.sla_first_response_outcome is
	'The first-response clock''s verdict once it stopped (first public reply or closing); null while it runs.';
comment on column public.feedback_items.sla_resolution_outcome is
	'The resolution clock''s verdict once it stopped (resolved, closed, rejected, duplicate); null while it runs.';

-- The outcomes are derived like the deadline cache: not audited, no new version.
create or replace function private.record_audit() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_skipped text[] := array[
		'updated_at', 'version', 'search_document', 'sla_first_response_due_at', 'sla_resolution_due_at',
		'sla_next_due_at', 'sla_due_soon_at', 'sla_first_response_outcome', 'sla_resolution_outcome',
		'token_hash', 'submission_hash', 'resolution_submission_hash'
	];
	v_old jsonb;
	v_new jsonb;
	v_old_changed jsonb;
	v_new_changed jsonb;
	v_row jsonb;
begin
	if tg_op <> 'INSERT' then
		v_old := to_jsonb(old);
	end if;
	if tg_op <> 'DELETE' then
		v_new := to_jsonb(new);
	end if;
	v_row := coalesce(v_new, v_old);
	if tg_op = 'UPDATE' then
		select jsonb_object_agg(after.key, before.value), jsonb_object_agg(after.key, after.value)
		into v_old_changed, v_new_changed
		from jsonb_each(v_new) as after
		join jsonb_each(v_old) as before on before.key = after.key
		where after.value is distinct from before.value and after.key <> all (v_skipped);
		if v_new_changed is null then
			return null;
		end if;
	else
		v_old_changed := (select jsonb_object_agg(key, value) from jsonb_each(v_old) where key <> all (v_skipped));
		v_new_changed := (select jsonb_object_agg(key, value) from jsonb_each(v_new) where key <> all (v_skipped));
	end if;
	insert into public.audit_log (actor_id, actor_role, table_name, row_id, action, old_values, new_values)
	values (
		(select auth.uid()),
		coalesce((select auth.jwt()) ->> 'role', 'database'),
		tg_table_name,
		v_row ->> tg_argv[0],
		lower(tg_op)::public.audit_action,
		v_old_changed,
		v_new_changed
	);
	return null;
end;
$$;

create or replace function private.refresh_feedback_item_deadlines(p_item_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_first record;
	v_resolution record;
	v_next timestamptz;
	v_soon timestamptz;
	v_now timestamptz := now();
	v_first_outcome text;
	v_resolution_outcome text;
	v_clock record;
	v_seen boolean := false;
begin
	-- One replay of the event log for both clocks (a target or calendar change refreshes every open item).
	for v_clock in select * from private.deadline_clocks(p_item_id, v_now) loop
		v_seen := true;
		if v_clock.clock = 'first_response' then
			v_first := v_clock;
		else
			v_resolution := v_clock;
		end if;
	end loop;
	if not v_seen then
		return;
	end if;
	v_next := least(v_first.due_at, v_resolution.due_at);
	-- When the earlier running clock turns due soon (already past when it is due soon or overdue).
	v_soon := case
		when v_next is null then null
		when v_next = v_first.due_at then
			private.business_add(v_now, greatest(v_first.remaining_minutes - private.due_soon_minutes(v_first.target_minutes), 0))
		else private.business_add(v_now, greatest(v_resolution.remaining_minutes - private.due_soon_minutes(v_resolution.target_minutes), 0))
	end;
	-- A clock that never ran (an item imported already closed) has no stop time and no verdict.
	v_first_outcome := case when v_first.stopped_at is not null then v_first.state end;
	v_resolution_outcome := case when v_resolution.stopped_at is not null then v_resolution.state end;
	update public.feedback_items as item
	set sla_first_response_due_at = v_first.due_at,
		sla_resolution_due_at = v_resolution.due_at,
		sla_next_due_at = v_next,
		sla_due_soon_at = least(v_soon, v_next),
		sla_first_response_outcome = v_first_outcome,
		sla_resolution_outcome = v_resolution_outcome
	where item.id = p_item_id
		and (item.sla_first_response_due_at, item.sla_resolution_due_at, item.sla_next_due_at, item.sla_due_soon_at,
			item.sla_first_response_outcome, item.sla_resolution_outcome)
			is distinct from (v_first.due_at, v_resolution.due_at, v_next, least(v_soon, v_next), v_first_outcome, v_resolution_outcome);
end;
$$;

-- A rollup row is dropped only when every sum is back to zero. The outcomes change in a nested update
-- (the deadline refresh runs inside the status change's triggers), whose statement trigger adds its
-- delta before the outer statement adds the item itself: for that moment a row can hold zero items and
-- a non-zero outcome, and dropping it on its item count alone lost the outcome.
create or replace function private.rollup_statements(target text, keys text[], sums text[], facts text, source text) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
	key_list text := array_to_string(keys, ', ');
	facts_sql text := replace(facts, '$src', source);
begin
	return array[format(
		'insert into private.%I as t (%s, %s) select %s, %s from (%s) as facts group by %s having %s on conflict (%s) do update set %s',
		target, key_list, array_to_string(sums, ', '), key_list,
		(select string_agg(format('sum(sign * %I)', s), ', ') from unnest(sums) as s),
		facts_sql, key_list,
		(select string_agg(format('sum(sign * %I) <> 0', s), ' or ') from unnest(sums) as s),
		key_list,
		(select string_agg(format('%1$I = t.%1$I + excluded.%1$I', s), ', ') from unnest(sums) as s)
	), format(
		'delete from private.%I as t where %s and (%s) in (select %s from (%s) as facts)',
		target, (select string_agg(format('t.%I = 0', s), ' and ') from unnest(sums) as s),
		(select string_agg('t.' || quote_ident(k), ', ') from unnest(keys) as k), key_list, facts_sql
	)];
end;
$$;

alter table private.item_rollup_monthly
	add column first_response_met integer not null default 0,
	add column first_response_breached integer not null default 0,
	add column resolution_met integer not null default 0,
	add column resolution_breached integer not null default 0,
	add column reopened integer not null default 0,
	add column closed_once integer not null default 0;

alter table private.item_rollup_client_monthly
	add column first_response_met integer not null default 0,
	add column first_response_breached integer not null default 0,
	add column resolution_met integer not null default 0,
	add column resolution_breached integer not null default 0,
	add column reopened integer not null default 0,
	add column closed_once integer not null default 0;

create or replace function private.item_facts() returns text
language sql
immutable
set search_path = ''
as $$
	select $facts$
		select src.sign, date_trunc('month', src.created_at at time zone (select private.organisation_time_zone()))::date as month, src.kind, src.category, src.status,
			src.client_id, 1 as items,
			date_trunc('month', src.resolved_at at time zone (select private.organisation_time_zone()))::date as resolved_month,
			private.resolution_bucket(extract(epoch from src.resolved_at - src.created_at) / 3600) as hours_bucket,
			coalesce(src.sla_first_response_outcome = 'met', false)::integer as first_response_met,
			coalesce(src.sla_first_response_outcome = 'breached', false)::integer as first_response_breached,
			coalesce(src.sla_resolution_outcome = 'met', false)::integer as resolution_met,
			coalesce(src.sla_resolution_outcome = 'breached', false)::integer as resolution_breached,
			(src.reopen_count > 0)::integer as reopened,
			(src.sla_resolution_outcome is not null or src.reopen_count > 0)::integer as closed_once
		from $src as src
	$facts$
$$;

create or replace function private.item_rollup_statements(source text) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
	facts text := private.item_facts();
	resolved text := 'select sign, resolved_month as month, kind, category, hours_bucket, client_id, items from ('
		|| private.item_facts() || ') as item_facts where resolved_month is not null';
	sums text[] := array['items', 'first_response_met', 'first_response_breached', 'resolution_met', 'resolution_breached',
		'reopened', 'closed_once'];
begin
	return private.rollup_statements('item_rollup_monthly', array['month', 'kind', 'category', 'status'], sums, facts, source)
		|| private.rollup_statements('item_rollup_client_monthly', array['client_id', 'month', 'kind', 'category', 'status'],
			sums, 'select * from (' || facts || ') as all_facts where client_id is not null', source)
		|| private.rollup_statements('item_resolution_monthly', array['month', 'kind', 'category', 'hours_bucket'], array['items'],
			resolved, source)
		|| private.rollup_statements('item_resolution_client_monthly', array['client_id', 'month', 'kind', 'category', 'hours_bucket'],
			array['items'], 'select * from (' || resolved || ') as resolved_facts where client_id is not null', source);
end;
$$;

create or replace function private.item_statistics(first_day date, end_day date, client_ids uuid[]) returns jsonb
language sql
stable
set search_path = ''
as $$
	with items as (
		select kind, category, status, items, first_response_met, first_response_breached, resolution_met, resolution_breached,
			reopened, closed_once
		from private.item_rollup_monthly as r
		where client_ids is null and r.month >= first_day and r.month < end_day
		union all
		select kind, category, status, items, first_response_met, first_response_breached, resolution_met, resolution_breached,
			reopened, closed_once
		from private.item_rollup_client_monthly as r
		where client_ids is not null and r.client_id = any (client_ids) and r.month >= first_day and r.month < end_day
	),
	resolved as (
		select hours_bucket, sum(items) as items from (
			select hours_bucket, items from private.item_resolution_monthly as r
			where client_ids is null and r.kind = 'complaint' and r.month >= first_day and r.month < end_day
			union all
			select hours_bucket, items from private.item_resolution_client_monthly as r
			where client_ids is not null and r.client_id = any (client_ids) and r.kind = 'complaint'
				and r.month >= first_day and r.month < end_day
		) as buckets
		group by 1
	),
	cumulative as (
		select hours_bucket, items, sum(items) over (order by hours_bucket) as running, sum(items) over () as total
		from resolved
	),
	median as (
		select round((hours_bucket + private.resolution_bucket_width(hours_bucket) * (total / 2.0 - (running - items)) / items)::numeric, 1)
			as hours, total
		from cumulative
		where running >= total / 2.0
		order by hours_bucket
		limit 1
	),
	complaint_totals as (
		select coalesce(sum(first_response_met), 0)::integer as first_met, coalesce(sum(first_response_breached), 0)::integer as first_breached,
			coalesce(sum(resolution_met), 0)::integer as resolution_met, coalesce(sum(resolution_breached), 0)::integer as resolution_breached,
			coalesce(sum(reopened), 0)::integer as reopened, coalesce(sum(closed_once), 0)::integer as closed_once
		from items
		where kind = 'complaint'
	)
	select jsonb_build_object(
		'total', (select coalesce(sum(items), 0) from items where kind = 'complaint'),
		'byStatus', (select coalesce(jsonb_agg(jsonb_build_object('status', status, 'items', n) order by status), '[]')
			from (select status, sum(items)::integer as n from items where kind = 'complaint' group by 1) as s),
		'byCategory', (select coalesce(jsonb_agg(jsonb_build_object('category', category, 'items', n) order by n desc, category), '[]')
			from (select category, sum(items)::integer as n from items where kind = 'complaint' group by 1) as c),
		'suggestions', (select coalesce(sum(items), 0) from items where kind = 'suggestion'),
		'resolved', coalesce((select total from median), 0),
		'medianHoursToResolve', (select hours from median),
		'deadlines', (
			select jsonb_build_object(
				'firstResponse', jsonb_build_object('met', t.first_met, 'breached', t.first_breached,
					'value', round(100.0 * t.first_met / nullif(t.first_met + t.first_breached, 0), 1)),
				'resolution', jsonb_build_object('met', t.resolution_met, 'breached', t.resolution_breached,
					'value', round(100.0 * t.resolution_met / nullif(t.resolution_met + t.resolution_breached, 0), 1)))
			from complaint_totals as t
		),
		'reopened', (
			select jsonb_build_object('items', t.reopened, 'closed', t.closed_once,
				'value', round(100.0 * t.reopened / nullif(t.closed_once, 0), 1))
			from complaint_totals as t
		)
	)
$$;

-- Every item's outcomes from its event log (the rollup triggers add them as they are written).
select private.refresh_feedback_item_deadlines(item.id) from public.feedback_items as item;

-- The admin's deadline targets in one statement, so open items' deadlines are recomputed once (the refresh
-- is a statement trigger), and not at all when nothing changed. Caller's rights: RLS lets only admins write.
create function public.set_sla_targets(p_targets jsonb) returns integer
language plpgsql
set search_path = ''
as $$
declare
	v_changed integer;
begin
	if jsonb_typeof(p_targets) <> 'array' then
		raise exception 'targets must be a JSON array' using errcode = '22023';
	end if;
	with wanted as (
		select row.priority, row.first_response_minutes, row.resolution_minutes
		from jsonb_to_recordset(p_targets) as row (priority public.feedback_priority, first_response_minutes integer, resolution_minutes integer)
	),
	changed as (
		select wanted.* from wanted
		join public.sla_targets as target on target.priority = wanted.priority
		where (target.first_response_minutes, target.resolution_minutes)
			is distinct from (wanted.first_response_minutes, wanted.resolution_minutes)
	)
	select count(*) into v_changed from changed;
	if v_changed = 0 then
		return 0;
	end if;
	update public.sla_targets as target
	set first_response_minutes = wanted.first_response_minutes, resolution_minutes = wanted.resolution_minutes
	from jsonb_to_recordset(p_targets) as wanted (priority public.feedback_priority, first_response_minutes integer, resolution_minutes integer)
	where target.priority = wanted.priority
		and (target.first_response_minutes, target.resolution_minutes)
			is distinct from (wanted.first_response_minutes, wanted.resolution_minutes);
	get diagnostics v_changed = row_count;
	if v_changed = 0 then
		raise exception 'only admins change the deadline targets' using errcode = '42501';
	end if;
	return v_changed;
end;
$$;

revoke execute on function public.set_sla_targets(jsonb) from public, anon;
grant execute on function public.set_sla_targets(jsonb) to authenticated;
