-- Indicators: CCT and SC per quarter, NPS, CSAT, response rate and complaint
-- statistics, defined once here and read by the dashboard, the manager's home
-- and the quarterly management review. Nothing aggregates raw rows per request:
-- statement-level triggers keep rollup tables (per day or month, client, survey
-- or category) as responses, items, invitations and contracts change, and
-- private.rebuild_rollups() recomputes them from raw data with the same rules.
--
-- The two indicators (README "Indicators"):
--   CCT = contracts due in the quarter delivered on or before their due date and
--         accepted / contracts due in the quarter. A contract not yet due that is
--         not fulfilled yet is not counted until its due date passes (it may still
--         be fulfilled); one past its due date and not fulfilled counts as not met.
--   SC  = distinct clients surveyed in the quarter whose latest satisfaction answer
--         in the quarter met that survey's threshold / distinct clients surveyed;
--         every anonymous response counts as one respondent.
-- Each figure carries n, the Wilson 95 % interval and a status against the target
-- valid for the quarter: met (interval above), not met (below), inconclusive
-- (straddles), no data (n = 0).
--
-- Who may do what (active staff; anon nothing; service_role bypasses RLS):
--
--   table / data           | select                                  | insert / update / delete
--   -----------------------+-----------------------------------------+--------------------------
--   indicator_targets      | manager, admin, quality, account manager | manager, admin
--   indicator_snapshots    | manager, admin, quality                  | nobody (frozen by the system)
--   indicator_restatements | manager, admin, quality                  | nobody (recorded by triggers)
--   management_reviews     | manager, admin, quality                  | manager, admin (approved: frozen)
--   review_decisions       | manager, admin, quality                  | manager, admin
--   rollups (private)      | manager, admin, quality: all rows;       | only the triggers
--                          | account manager: own clients' rows      |
--   realtime topic         | manager, admin, quality, account manager | nobody
--   'dashboard' (private)  | may join and receive                    | may send
--
-- Agents answer clients and get none of this. Account managers see their own
-- clients' figures only: the aggregate functions run as the caller, so RLS on the
-- rollups decides, not the UI.

-- ============================================================================
-- enums
-- ============================================================================

-- How a response reached us (a dashboard filter): a client's personal link, a
-- campaign link or QR code, or the survey offered after a complaint was resolved.
create type public.response_channel as enum ('personal', 'campaign', 'post_resolution');

create type public.indicator_code as enum ('cct', 'sc');

create type public.review_decision_state as enum ('open', 'in_progress', 'done', 'dropped');

-- ============================================================================
-- calendar and indicator maths
-- ============================================================================

-- Quarters, days and "on time" follow the organisation's calendar, not UTC.
create function private.organisation_time_zone() returns text
language sql
immutable
set search_path = ''
as $$
	select 'Europe/Madrid'
$$;

create function private.local_day(moment timestamptz) returns date
language sql
stable
set search_path = ''
as $$
	select (moment at time zone private.organisation_time_zone())::date
$$;

create function private.organisation_today() returns date
language sql
stable
set search_path = ''
as $$
	select private.local_day(now())
$$;

create function private.quarter_start(day date) returns date
language sql
immutable
set search_path = ''
as $$
	select make_date(extract(year from day)::integer, ((extract(month from day)::integer - 1) / 3) * 3 + 1, 1)
$$;

create function private.month_start(day date) returns date
language sql
immutable
set search_path = ''
as $$
	select make_date(extract(year from day)::integer, extract(month from day)::integer, 1)
$$;

-- '2026-Q3'
create function private.quarter_label(quarter date) returns text
language sql
immutable
as $$
	select to_char(quarter, 'YYYY') || '-Q' || extract(quarter from quarter)::text
$$;

-- The quarter a '2026-Q3' label names, or null for anything else.
create function private.quarter_from_label(label text) returns date
language sql
immutable
set search_path = ''
as $$
	select make_date(left(label, 4)::integer, (right(label, 1)::integer - 1) * 3 + 1, 1)
	where label ~ '^[0-9]{4}-Q[1-4]$' and left(label, 4)::integer between 2000 and 2999
$$;

-- The on-time rule of contracts (the "on time" half of CCT), in one place:
-- on_time / late once delivered, overdue / open before.
create function private.contract_timing(due_date date, delivered_at timestamptz, today date) returns text
language sql
stable
set search_path = ''
as $$
	select case
		when delivered_at is not null then case when private.local_day(delivered_at) <= due_date then 'on_time' else 'late' end
		when today > due_date then 'overdue'
		else 'open'
	end
$$;

-- Fulfilled on time and in form: delivered on or before the due date and accepted.
create function private.contract_fulfilled(due_date date, delivered_at timestamptz, conformity public.contract_conformity)
returns boolean
language sql
stable
set search_path = ''
as $$
	select coalesce(private.contract_timing(due_date, delivered_at, due_date) = 'on_time' and conformity = 'accepted', false)
$$;

-- Wilson score interval at 95 % (z = 1.959964), as fractions; null bounds when n = 0.
-- The pure maths helpers read no table and call only pg_catalog built-ins, so they carry no search_path
-- setting: a SET clause would stop Postgres inlining them and cost more per figure than the figure itself.
create function private.wilson_interval(successes integer, n integer, out lower double precision, out upper double precision)
language sql
immutable
as $$
	select
		(p + z * z / (2 * size) - z * sqrt(p * (1 - p) / size + z * z / (4 * size * size))) / (1 + z * z / size),
		(p + z * z / (2 * size) + z * sqrt(p * (1 - p) / size + z * z / (4 * size * size))) / (1 + z * z / size)
	from (
		select successes::double precision / nullif(n, 0) as p, nullif(n, 0)::double precision as size,
			1.959963984540054::double precision as z
	) as input
$$;

-- met when the whole interval is at or above the target, not_met when it is below,
-- inconclusive when it straddles the target, no_data without answers.
create function private.indicator_status(successes integer, n integer, target_percent numeric) returns text
language sql
immutable
as $$
	select case
		when coalesce(n, 0) = 0 then 'no_data'
		when target_percent is null then 'no_target'
		when interval_bounds.lower * 100 >= target_percent then 'met'
		when interval_bounds.upper * 100 < target_percent then 'not_met'
		else 'inconclusive'
	end
	from private.wilson_interval(successes, n) as interval_bounds
$$;

-- A resolution time's histogram bucket (lower bound in hours): hourly in the first
-- day, six-hourly in the first week, daily after. Medians are exact to the bucket.
create function private.resolution_bucket(hours double precision) returns integer
language sql
immutable
set search_path = ''
as $$
	select case
		when hours < 24 then greatest(floor(hours), 0)::integer
		when hours < 168 then (24 + floor((hours - 24) / 6) * 6)::integer
		else (168 + floor((hours - 168) / 24) * 24)::integer
	end
$$;

create function private.resolution_bucket_width(bucket integer) returns integer
language sql
immutable
set search_path = ''
as $$
	select case when bucket < 24 then 1 when bucket < 168 then 6 else 24 end
$$;

-- ============================================================================
-- tables
-- ============================================================================

-- The channel is kept on the response: deleting the link later must not move it.
alter table public.survey_responses add column channel public.response_channel not null default 'campaign';

update public.survey_responses as response
set channel = coalesce(
	(select case when invitation.feedback_item_id is not null then 'post_resolution' when invitation.kind = 'campaign' then 'campaign'
		else 'personal' end
	from public.survey_invitations as invitation where invitation.id = response.invitation_id),
	case when response.client_id is not null then 'personal' else 'campaign' end
)::public.response_channel;

create table public.indicator_targets (
	id uuid primary key default gen_random_uuid(),
	indicator public.indicator_code not null,
	-- The first quarter the target applies to; it holds until a later one replaces it.
	valid_from date not null check (extract(day from valid_from) = 1 and extract(month from valid_from) in (1, 4, 7, 10)),
	target_percent numeric(5, 2) not null check (target_percent > 0 and target_percent <= 100),
	created_by uuid references public.staff_members (user_id) on delete set null default auth.uid(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint indicator_targets_indicator_valid_from_key unique (indicator, valid_from)
);

insert into public.indicator_targets (indicator, valid_from, target_percent)
values ('cct', '2000-01-01', 95), ('sc', '2000-01-01', 85);

-- The figures of a closed quarter as first published, organisation-wide.
create table public.indicator_snapshots (
	quarter date not null check (quarter = private.quarter_start(quarter)),
	indicator public.indicator_code not null,
	successes integer not null check (successes >= 0),
	n integer not null check (n >= successes),
	value_percent numeric(5, 1),
	lower_percent numeric(5, 1),
	upper_percent numeric(5, 1),
	target_percent numeric(5, 2),
	status text not null,
	frozen_at timestamptz not null default now(),
	primary key (quarter, indicator)
);

-- A later correction of a closed quarter's raw data: the snapshot stays, this records the new figures.
create table public.indicator_restatements (
	id bigint generated always as identity primary key,
	quarter date not null,
	indicator public.indicator_code not null,
	previous_successes integer not null,
	previous_n integer not null,
	successes integer not null,
	n integer not null,
	value_percent numeric(5, 1),
	restated_at timestamptz not null default now(),
	constraint indicator_restatements_snapshot_fkey foreign key (quarter, indicator)
		references public.indicator_snapshots (quarter, indicator) on delete cascade
);

create index indicator_restatements_quarter_idx on public.indicator_restatements (quarter, indicator, restated_at desc);

-- "Revisión por la dirección" of one quarter (ISO 9001 9.3). Approval freezes its figures.
create table public.management_reviews (
	id uuid primary key default gen_random_uuid(),
	quarter date not null unique check (quarter = private.quarter_start(quarter)),
	conclusions text not null default '' check (char_length(conclusions) <= 20000),
	figures jsonb,
	approved_by uuid references public.staff_members (user_id) on delete set null,
	approved_at timestamptz,
	created_by uuid references public.staff_members (user_id) on delete set null default auth.uid(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint management_reviews_approval check ((approved_at is null) = (figures is null))
);

create table public.review_decisions (
	id uuid primary key default gen_random_uuid(),
	review_id uuid not null references public.management_reviews (id) on delete cascade,
	description text not null check (btrim(description) <> '' and char_length(description) <= 2000),
	owner_id uuid references public.staff_members (user_id) on delete set null,
	due_date date,
	state public.review_decision_state not null default 'open',
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index review_decisions_review_id_idx on public.review_decisions (review_id, created_at);

-- Rollups. Org-wide tables include anonymous responses; the per-client tables
-- serve client, sector and account-manager filters and account managers' RLS.

create table private.response_rollup_daily (
	day date not null,
	survey_id uuid not null,
	channel public.response_channel not null,
	responses integer not null,
	satisfaction_answers integer not null,
	satisfied integer not null,
	anonymous_satisfaction_answers integer not null,
	anonymous_satisfied integer not null,
	nps_answers integer not null,
	nps_promoters integer not null,
	nps_detractors integer not null,
	csat_answers integer not null,
	csat_top integer not null,
	primary key (day, survey_id, channel)
);

create table private.response_rollup_client_daily (
	client_id uuid not null,
	day date not null,
	survey_id uuid not null,
	channel public.response_channel not null,
	responses integer not null,
	satisfaction_answers integer not null,
	satisfied integer not null,
	nps_answers integer not null,
	nps_promoters integer not null,
	nps_detractors integer not null,
	csat_answers integer not null,
	csat_top integer not null,
	primary key (client_id, day, survey_id, channel)
);

-- Each client's latest satisfaction answer per quarter, survey and channel (SC's numerator and base).
create table private.satisfaction_latest (
	quarter date not null,
	client_id uuid not null,
	survey_id uuid not null,
	channel public.response_channel not null,
	latest_at timestamptz not null,
	response_id uuid not null,
	is_satisfied boolean not null,
	primary key (quarter, client_id, survey_id, channel)
);

create index satisfaction_latest_client_id_idx on private.satisfaction_latest (client_id, quarter);

-- Personal links sent and answered, by month sent (response rate). client_key is
-- the nil uuid for a post-resolution link of an item without a client.
create table private.invitation_rollup_monthly (
	month date not null,
	client_key uuid not null,
	survey_id uuid not null,
	channel public.response_channel not null,
	sent integer not null,
	responded integer not null,
	primary key (month, client_key, survey_id, channel)
);

create table private.item_rollup_monthly (
	month date not null,
	kind public.feedback_kind not null,
	category text not null,
	status public.feedback_status not null,
	items integer not null,
	primary key (month, kind, category, status)
);

create table private.item_rollup_client_monthly (
	client_id uuid not null,
	month date not null,
	kind public.feedback_kind not null,
	category text not null,
	status public.feedback_status not null,
	items integer not null,
	primary key (client_id, month, kind, category, status)
);

-- Resolved items by month resolved and resolution-time bucket (median time to resolve).
create table private.item_resolution_monthly (
	month date not null,
	kind public.feedback_kind not null,
	category text not null,
	hours_bucket integer not null,
	items integer not null,
	primary key (month, kind, category, hours_bucket)
);

create table private.item_resolution_client_monthly (
	client_id uuid not null,
	month date not null,
	kind public.feedback_kind not null,
	category text not null,
	hours_bucket integer not null,
	items integer not null,
	primary key (client_id, month, kind, category, hours_bucket)
);

create table private.contract_rollup_daily (
	client_id uuid not null,
	due_date date not null,
	contracts integer not null,
	fulfilled integer not null,
	primary key (client_id, due_date)
);

create index contract_rollup_daily_due_date_idx on private.contract_rollup_daily (due_date);

-- ============================================================================
-- rollup maintenance
-- ============================================================================
-- Each source has one facts query, written once over a relation `src` that has a
-- `sign` column (+1 new, -1 old). Triggers pass their transition tables; the
-- rebuild passes the whole table. So incremental and rebuild share every rule.

-- The statements that add the facts' signed sums into a rollup, then drop the rows
-- that reached zero. They are returned, not run: only the trigger function itself
-- can see its transition tables (nested functions run in their own SPI context).
create function private.rollup_statements(target text, keys text[], sums text[], facts text, source text) returns text[]
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
		'delete from private.%I as t where t.%I = 0 and (%s) in (select %s from (%s) as facts)',
		target, sums[1], (select string_agg('t.' || quote_ident(k), ', ') from unnest(keys) as k), key_list, facts_sql
	)];
end;
$$;

create function private.response_facts() returns text
language sql
immutable
set search_path = ''
as $$
	select $facts$
		select src.sign, (src.created_at at time zone (select private.organisation_time_zone()))::date as day, src.survey_id, src.channel, src.client_id,
			1 as responses,
			(src.satisfaction_score is not null)::integer as satisfaction_answers,
			coalesce(src.is_satisfied, false)::integer as satisfied,
			(src.client_id is null and src.satisfaction_score is not null)::integer as anonymous_satisfaction_answers,
			(src.client_id is null and coalesce(src.is_satisfied, false))::integer as anonymous_satisfied,
			(scale.nps is not null)::integer as nps_answers,
			coalesce((scale.nps >= 9)::integer, 0) as nps_promoters,
			coalesce((scale.nps <= 6)::integer, 0) as nps_detractors,
			(scale.csat is not null)::integer as csat_answers,
			coalesce((scale.csat >= 4)::integer, 0) as csat_top
		from $src as src
		join (
			-- NPS is the survey's first 0-10 question, CSAT its first 1-5 csat question.
			select survey.id,
				(select question ->> 'id' from jsonb_array_elements(survey.definition -> 'questions') as question
					where question ->> 'type' = 'nps' limit 1) as nps_question,
				(select question ->> 'id' from jsonb_array_elements(survey.definition -> 'questions') as question
					where question ->> 'type' = 'csat' limit 1) as csat_question
			from public.surveys as survey
		) as questions on questions.id = src.survey_id
		cross join lateral (
			select (src.answers ->> questions.nps_question)::integer as nps, (src.answers ->> questions.csat_question)::integer as csat
		) as scale
	$facts$
$$;

create function private.response_rollup_statements(source text) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
	facts text := private.response_facts();
	client_sums text[] := array['responses', 'satisfaction_answers', 'satisfied', 'nps_answers', 'nps_promoters',
		'nps_detractors', 'csat_answers', 'csat_top'];
begin
	return private.rollup_statements('response_rollup_daily', array['day', 'survey_id', 'channel'],
			client_sums || array['anonymous_satisfaction_answers', 'anonymous_satisfied'], facts, source)
		|| private.rollup_statements('response_rollup_client_daily', array['client_id', 'day', 'survey_id', 'channel'],
			client_sums, 'select * from (' || facts || ') as all_facts where client_id is not null', source);
end;
$$;

-- satisfaction_latest is not a sum: inserts keep the later answer; deletes and
-- updates recompute the keys they touch from the raw responses.
create function private.satisfaction_latest_statements(source text, recompute boolean) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
begin
	if not recompute then
		return array[format($sql$
			insert into private.satisfaction_latest as t (quarter, client_id, survey_id, channel, latest_at, response_id, is_satisfied)
			select distinct on (1, 2, 3, 4)
				date_trunc('quarter', src.created_at at time zone (select private.organisation_time_zone()))::date, src.client_id, src.survey_id, src.channel,
				src.created_at, src.id, coalesce(src.is_satisfied, false)
			from %s as src
			where src.client_id is not null and src.satisfaction_score is not null and src.sign > 0
			order by 1, 2, 3, 4, src.created_at desc, src.id desc
			on conflict (quarter, client_id, survey_id, channel) do update
			set latest_at = excluded.latest_at, response_id = excluded.response_id, is_satisfied = excluded.is_satisfied
			where (excluded.latest_at, excluded.response_id) > (t.latest_at, t.response_id)
		$sql$, source)];
	end if;
	-- Two statements: an insert cannot replace rows a CTE of the same statement deletes.
	return array[format($sql$
		delete from private.satisfaction_latest as t
		using (
			select distinct date_trunc('quarter', src.created_at at time zone (select private.organisation_time_zone()))::date as quarter, src.client_id, src.survey_id, src.channel
			from %s as src
			where src.client_id is not null
		) as affected
		where (t.quarter, t.client_id, t.survey_id, t.channel) = (affected.quarter, affected.client_id, affected.survey_id, affected.channel)
	$sql$, source), format($sql$
		with affected as (
			select distinct date_trunc('quarter', src.created_at at time zone (select private.organisation_time_zone()))::date as quarter, src.client_id, src.survey_id, src.channel
			from %s as src
			where src.client_id is not null
		)
		insert into private.satisfaction_latest (quarter, client_id, survey_id, channel, latest_at, response_id, is_satisfied)
		select distinct on (1, 2, 3, 4)
			affected.quarter, response.client_id, response.survey_id, response.channel,
			response.created_at, response.id, coalesce(response.is_satisfied, false)
		from affected
		join public.survey_responses as response
			on response.client_id = affected.client_id and response.survey_id = affected.survey_id and response.channel = affected.channel
			and response.created_at >= (affected.quarter::timestamp at time zone private.organisation_time_zone())
			and response.created_at < ((affected.quarter + interval '3 months')::timestamp at time zone private.organisation_time_zone())
		where response.satisfaction_score is not null
		order by 1, 2, 3, 4, response.created_at desc, response.id desc
	$sql$, source)];
end;
$$;

create function private.item_facts() returns text
language sql
immutable
set search_path = ''
as $$
	select $facts$
		select src.sign, date_trunc('month', src.created_at at time zone (select private.organisation_time_zone()))::date as month, src.kind, src.category, src.status,
			src.client_id, 1 as items,
			date_trunc('month', src.resolved_at at time zone (select private.organisation_time_zone()))::date as resolved_month,
			private.resolution_bucket(extract(epoch from src.resolved_at - src.created_at) / 3600) as hours_bucket
		from $src as src
	$facts$
$$;

create function private.item_rollup_statements(source text) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
	facts text := private.item_facts();
	resolved text := 'select sign, resolved_month as month, kind, category, hours_bucket, client_id, items from ('
		|| private.item_facts() || ') as item_facts where resolved_month is not null';
begin
	return private.rollup_statements('item_rollup_monthly', array['month', 'kind', 'category', 'status'], array['items'], facts, source)
		|| private.rollup_statements('item_rollup_client_monthly', array['client_id', 'month', 'kind', 'category', 'status'],
			array['items'], 'select * from (' || facts || ') as all_facts where client_id is not null', source)
		|| private.rollup_statements('item_resolution_monthly', array['month', 'kind', 'category', 'hours_bucket'], array['items'],
			resolved, source)
		|| private.rollup_statements('item_resolution_client_monthly', array['client_id', 'month', 'kind', 'category', 'hours_bucket'],
			array['items'], 'select * from (' || resolved || ') as resolved_facts where client_id is not null', source);
end;
$$;

create function private.contract_rollup_statements(source text) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
begin
	return private.rollup_statements('contract_rollup_daily', array['client_id', 'due_date'], array['contracts', 'fulfilled'], $facts$
		select src.sign, src.client_id, src.due_date, 1 as contracts,
			private.contract_fulfilled(src.due_date, src.delivered_at, src.conformity)::integer as fulfilled
		from $src as src
	$facts$, source);
end;
$$;

-- Only personal links that offer a survey have a response rate.
create function private.invitation_rollup_statements(source text) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
begin
	return private.rollup_statements('invitation_rollup_monthly', array['month', 'client_key', 'survey_id', 'channel'],
		array['sent', 'responded'], $facts$
		select src.sign, date_trunc('month', src.created_at at time zone (select private.organisation_time_zone()))::date as month,
			coalesce(src.client_id, '00000000-0000-0000-0000-000000000000'::uuid) as client_key, src.survey_id,
			(case when src.feedback_item_id is not null then 'post_resolution' else 'personal' end)::public.response_channel as channel,
			1 as sent, (src.use_count > 0)::integer as responded
		from $src as src
		where src.kind = 'personal' and src.survey_id is not null
	$facts$, source);
end;
$$;

-- The relation a statement trigger's rows form, signed.
create function private.signed_source(operation text) returns text
language sql
immutable
set search_path = ''
as $$
	select case operation
		when 'INSERT' then '(select 1 as sign, r.* from new_rows as r)'
		when 'DELETE' then '(select -1 as sign, r.* from old_rows as r)'
		else '(select 1 as sign, r.* from new_rows as r union all select -1 as sign, r.* from old_rows as r)'
	end
$$;

-- ============================================================================
-- snapshots and restatements
-- ============================================================================

create function private.target_for(indicator public.indicator_code, quarter date) returns numeric
language sql
stable
set search_path = ''
as $$
	select target.target_percent
	from public.indicator_targets as target
	where target.indicator = target_for.indicator and target.valid_from <= target_for.quarter
	order by target.valid_from desc
	limit 1
$$;

-- CCT per quarter. client_ids null = every contract (RLS still applies to the caller).
create function private.cct_by_quarter(first_quarter date, last_quarter date, client_ids uuid[])
returns table (quarter date, successes integer, n integer)
language sql
stable
set search_path = ''
as $$
	-- Built-ins and once-evaluated sub-selects only: a helper with its own search_path is not inlined,
	-- and calling one per row costs more than the whole scan.
	select date_trunc('quarter', rollup.due_date::timestamp)::date,
		sum(rollup.fulfilled)::integer,
		-- Not yet due and not fulfilled yet: not counted until the due date passes.
		sum(case when rollup.due_date < (select private.organisation_today()) then rollup.contracts else rollup.fulfilled end)::integer
	from private.contract_rollup_daily as rollup
	where rollup.due_date >= first_quarter and rollup.due_date < last_quarter + interval '3 months'
		and (client_ids is null or rollup.client_id = any (client_ids))
	group by 1
$$;

-- SC per quarter: each client's latest answer (filtered by survey and channel) plus anonymous responses.
create function private.sc_by_quarter(first_quarter date, last_quarter date, client_ids uuid[], survey uuid,
	response_channel public.response_channel)
returns table (quarter date, successes integer, n integer)
language sql
stable
set search_path = ''
as $$
	with latest as (
		select distinct on (l.quarter, l.client_id) l.quarter, l.is_satisfied
		from private.satisfaction_latest as l
		where l.quarter between first_quarter and last_quarter
			and (client_ids is null or l.client_id = any (client_ids))
			and (survey is null or l.survey_id = survey)
			and (response_channel is null or l.channel = response_channel)
		order by l.quarter, l.client_id, l.latest_at desc, l.response_id desc
	),
	counted as (
		select latest.quarter, count(*) filter (where latest.is_satisfied) as successes, count(*) as n
		from latest
		group by 1
		union all
		select date_trunc('quarter', rollup.day::timestamp)::date, sum(rollup.anonymous_satisfied), sum(rollup.anonymous_satisfaction_answers)
		from private.response_rollup_daily as rollup
		where client_ids is null
			and rollup.day >= first_quarter and rollup.day < last_quarter + interval '3 months'
			and (survey is null or rollup.survey_id = survey)
			and (response_channel is null or rollup.channel = response_channel)
		group by 1
	)
	select counted.quarter, sum(counted.successes)::integer, sum(counted.n)::integer
	from counted
	group by 1
$$;

-- One figure as the screens show it, against the given target (callers read the targets once).
create function private.indicator_figure(indicator public.indicator_code, quarter date, successes integer, n integer,
	target_percent numeric)
returns jsonb
language sql
immutable
as $$
	select jsonb_build_object(
		'indicator', indicator,
		'quarter', private.quarter_label(quarter),
		'successes', coalesce(successes, 0),
		'n', coalesce(n, 0),
		'value', round(100.0 * successes / nullif(n, 0), 1),
		'lower', round((bounds.lower * 100)::numeric, 1),
		'upper', round((bounds.upper * 100)::numeric, 1),
		'target', target_percent,
		'status', private.indicator_status(coalesce(successes, 0), coalesce(n, 0), target_percent)
	)
	from private.wilson_interval(coalesce(successes, 0), coalesce(n, 0)) as bounds
$$;

-- Organisation-wide figures of one quarter (owner's rights: no RLS).
create function private.org_figures(quarter date, out cct_successes integer, out cct_n integer, out sc_successes integer, out sc_n integer)
language sql
stable
security definer
set search_path = ''
as $$
	select coalesce(cct.successes, 0), coalesce(cct.n, 0), coalesce(sc.successes, 0), coalesce(sc.n, 0)
	from (select 1) as one
	left join private.cct_by_quarter(quarter, quarter, null) as cct on true
	left join private.sc_by_quarter(quarter, quarter, null, null, null) as sc on true
$$;

-- Freezes every closed quarter since the first data that has no snapshot yet.
create function private.freeze_closed_quarters() returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	last_closed date := (private.quarter_start(private.organisation_today()) - interval '3 months')::date;
	first_quarter date;
	quarter date;
	figures record;
begin
	select private.quarter_start(least(
		(select min(due_date) from private.contract_rollup_daily),
		(select min(day) from private.response_rollup_daily)
	)) into first_quarter;
	if first_quarter is null or first_quarter > last_closed then
		return;
	end if;
	for quarter in
		select series::date from generate_series(first_quarter, last_closed, interval '3 months') as series
		where not exists (select 1 from public.indicator_snapshots as s where s.quarter = series::date)
	loop
		figures := private.org_figures(quarter);
		insert into public.indicator_snapshots (quarter, indicator, successes, n, value_percent, lower_percent, upper_percent,
			target_percent, status)
		select quarter, (figure ->> 'indicator')::public.indicator_code, (figure ->> 'successes')::integer, (figure ->> 'n')::integer,
			(figure ->> 'value')::numeric, (figure ->> 'lower')::numeric, (figure ->> 'upper')::numeric,
			(figure ->> 'target')::numeric, figure ->> 'status'
		from (values
			(private.indicator_figure('cct', quarter, figures.cct_successes, figures.cct_n, private.target_for('cct', quarter))),
			(private.indicator_figure('sc', quarter, figures.sc_successes, figures.sc_n, private.target_for('sc', quarter)))
		) as frozen (figure)
		on conflict do nothing;
	end loop;
end;
$$;

-- Records a restatement when a frozen quarter's figures no longer match its raw data.
create function private.restate_quarters(quarters date[]) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_quarter date;
	figures record;
begin
	for v_quarter in
		select distinct q from unnest(quarters) as q
		where exists (select 1 from public.indicator_snapshots as s where s.quarter = q)
	loop
		figures := private.org_figures(v_quarter);
		insert into public.indicator_restatements (quarter, indicator, previous_successes, previous_n, successes, n, value_percent)
		select v_quarter, current_figures.indicator, known.successes, known.n, current_figures.successes, current_figures.n,
			round(100.0 * current_figures.successes / nullif(current_figures.n, 0), 1)
		from (values
			('cct'::public.indicator_code, figures.cct_successes, figures.cct_n),
			('sc'::public.indicator_code, figures.sc_successes, figures.sc_n)
		) as current_figures (indicator, successes, n)
		cross join lateral (
			select coalesce(r.successes, s.successes) as successes, coalesce(r.n, s.n) as n
			from public.indicator_snapshots as s
			left join lateral (
				select restatement.successes, restatement.n from public.indicator_restatements as restatement
				where restatement.quarter = s.quarter and restatement.indicator = s.indicator
				order by restatement.restated_at desc, restatement.id desc
				limit 1
			) as r on true
			where s.quarter = v_quarter and s.indicator = current_figures.indicator
		) as known
		where (known.successes, known.n) <> (current_figures.successes, current_figures.n);
	end loop;
end;
$$;

-- ============================================================================
-- triggers
-- ============================================================================

create function private.set_response_channel() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	invitation public.survey_invitations;
begin
	select * into invitation from public.survey_invitations as i where i.id = new.invitation_id;
	new.channel := case
		when invitation.feedback_item_id is not null then 'post_resolution'
		when invitation.kind = 'campaign' then 'campaign'
		when invitation.kind = 'personal' or new.client_id is not null then 'personal'
		else 'campaign'
	end;
	return new;
end;
$$;

create trigger survey_responses_set_channel before insert on public.survey_responses
	for each row execute function private.set_response_channel();

create function private.rollup_survey_responses() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	closed_quarters date[];
	statement text;
begin
	foreach statement in array private.response_rollup_statements(private.signed_source(tg_op))
		|| private.satisfaction_latest_statements(private.signed_source(tg_op), tg_op <> 'INSERT')
	loop
		execute statement;
	end loop;
	if exists (select 1 from public.indicator_snapshots) then
		execute format('select array_agg(distinct private.quarter_start(private.local_day(src.created_at))) from %s as src',
			private.signed_source(tg_op)) into closed_quarters;
		perform private.restate_quarters(closed_quarters);
	end if;
	return null;
end;
$$;

create trigger survey_responses_rollup_insert after insert on public.survey_responses
	referencing new table as new_rows for each statement execute function private.rollup_survey_responses();
create trigger survey_responses_rollup_update after update on public.survey_responses
	referencing old table as old_rows new table as new_rows for each statement execute function private.rollup_survey_responses();
create trigger survey_responses_rollup_delete after delete on public.survey_responses
	referencing old table as old_rows for each statement execute function private.rollup_survey_responses();

create function private.rollup_feedback_items() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	statement text;
begin
	foreach statement in array private.item_rollup_statements(private.signed_source(tg_op)) loop
		execute statement;
	end loop;
	return null;
end;
$$;

create trigger feedback_items_rollup_insert after insert on public.feedback_items
	referencing new table as new_rows for each statement execute function private.rollup_feedback_items();
create trigger feedback_items_rollup_update after update on public.feedback_items
	referencing old table as old_rows new table as new_rows for each statement execute function private.rollup_feedback_items();
create trigger feedback_items_rollup_delete after delete on public.feedback_items
	referencing old table as old_rows for each statement execute function private.rollup_feedback_items();

create function private.rollup_contracts() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	closed_quarters date[];
	statement text;
begin
	foreach statement in array private.contract_rollup_statements(private.signed_source(tg_op)) loop
		execute statement;
	end loop;
	if exists (select 1 from public.indicator_snapshots) then
		execute format('select array_agg(distinct private.quarter_start(src.due_date)) from %s as src', private.signed_source(tg_op))
			into closed_quarters;
		perform private.restate_quarters(closed_quarters);
	end if;
	return null;
end;
$$;

create trigger contracts_rollup_insert after insert on public.contracts
	referencing new table as new_rows for each statement execute function private.rollup_contracts();
create trigger contracts_rollup_update after update on public.contracts
	referencing old table as old_rows new table as new_rows for each statement execute function private.rollup_contracts();
create trigger contracts_rollup_delete after delete on public.contracts
	referencing old table as old_rows for each statement execute function private.rollup_contracts();

create function private.rollup_survey_invitations() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	statement text;
begin
	foreach statement in array private.invitation_rollup_statements(private.signed_source(tg_op)) loop
		execute statement;
	end loop;
	return null;
end;
$$;

create trigger survey_invitations_rollup_insert after insert on public.survey_invitations
	referencing new table as new_rows for each statement execute function private.rollup_survey_invitations();
create trigger survey_invitations_rollup_update after update on public.survey_invitations
	referencing old table as old_rows new table as new_rows for each statement execute function private.rollup_survey_invitations();
create trigger survey_invitations_rollup_delete after delete on public.survey_invitations
	referencing old table as old_rows for each statement execute function private.rollup_survey_invitations();

-- Broadcast from the database: one message per transaction that changed a rollup,
-- on the private topic 'dashboard'. It carries no figures (open screens refetch
-- what their viewer may see), so who may receive it is only a question of role.
create function private.broadcast_rollup_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if current_setting('indicators.broadcast_sent', true) is distinct from 'yes' then
		perform set_config('indicators.broadcast_sent', 'yes', true);
		perform realtime.send(jsonb_build_object('source', tg_table_name), 'rollups_changed', 'dashboard', true);
	end if;
	return null;
end;
$$;

create trigger response_rollup_daily_broadcast after insert or update or delete or truncate on private.response_rollup_daily
	for each statement execute function private.broadcast_rollup_change();
create trigger response_rollup_client_daily_broadcast after insert or update or delete or truncate on private.response_rollup_client_daily
	for each statement execute function private.broadcast_rollup_change();
create trigger invitation_rollup_monthly_broadcast after insert or update or delete or truncate on private.invitation_rollup_monthly
	for each statement execute function private.broadcast_rollup_change();
create trigger item_rollup_monthly_broadcast after insert or update or delete or truncate on private.item_rollup_monthly
	for each statement execute function private.broadcast_rollup_change();
create trigger item_rollup_client_monthly_broadcast after insert or update or delete or truncate on private.item_rollup_client_monthly
	for each statement execute function private.broadcast_rollup_change();
create trigger contract_rollup_daily_broadcast after insert or update or delete or truncate on private.contract_rollup_daily
	for each statement execute function private.broadcast_rollup_change();

create trigger indicator_targets_set_updated_at before update on public.indicator_targets
	for each row execute function private.set_updated_at();
create trigger management_reviews_set_updated_at before update on public.management_reviews
	for each row execute function private.set_updated_at();
create trigger review_decisions_set_updated_at before update on public.review_decisions
	for each row execute function private.set_updated_at();

-- An approved review is a record: its conclusions stay, and its decisions keep their
-- wording; only a decision's state moves on (the next review follows it up).
create function private.protect_approved_review() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if old.approved_at is not null and new.conclusions is distinct from old.conclusions then
		raise exception 'an approved review cannot be changed' using errcode = '42501';
	end if;
	return new;
end;
$$;

create trigger management_reviews_protect_approved before update on public.management_reviews
	for each row execute function private.protect_approved_review();

create function private.protect_approved_decisions() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	review_id uuid := case when tg_op = 'DELETE' then old.review_id else new.review_id end;
begin
	if exists (select 1 from public.management_reviews as r where r.id = review_id and r.approved_at is not null)
		and (tg_op <> 'UPDATE' or (new.description, new.owner_id, new.due_date) is distinct from (old.description, old.owner_id, old.due_date))
	then
		raise exception 'the decisions of an approved review keep their wording; only their state changes' using errcode = '42501';
	end if;
	return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger review_decisions_protect_approved before insert or update or delete on public.review_decisions
	for each row execute function private.protect_approved_decisions();

-- ============================================================================
-- permission helpers
-- ============================================================================

-- The clients whose figures an account manager may see.
create function private.managed_client_ids() returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
	select client.id from public.clients as client
	where client.account_manager_id = (select auth.uid()) and private.has_staff_role('account_manager')
$$;

create function private.reads_indicators() returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select private.has_staff_role('manager', 'admin', 'quality')
$$;

-- ============================================================================
-- RLS policies
-- ============================================================================

alter table public.indicator_targets enable row level security;
alter table public.indicator_snapshots enable row level security;
alter table public.indicator_restatements enable row level security;
alter table public.management_reviews enable row level security;
alter table public.review_decisions enable row level security;
alter table private.response_rollup_daily enable row level security;
alter table private.response_rollup_client_daily enable row level security;
alter table private.satisfaction_latest enable row level security;
alter table private.invitation_rollup_monthly enable row level security;
alter table private.item_rollup_monthly enable row level security;
alter table private.item_rollup_client_monthly enable row level security;
alter table private.item_resolution_monthly enable row level security;
alter table private.item_resolution_client_monthly enable row level security;
alter table private.contract_rollup_daily enable row level security;

create policy "Managers, admins, quality and account managers can read targets" on public.indicator_targets
	for select to authenticated
	using ((select private.has_staff_role('manager', 'admin', 'quality', 'account_manager')));
create policy "Managers and admins can add targets" on public.indicator_targets
	for insert to authenticated
	with check ((select private.has_staff_role('manager', 'admin')));
create policy "Managers and admins can edit targets" on public.indicator_targets
	for update to authenticated
	using ((select private.has_staff_role('manager', 'admin')))
	with check ((select private.has_staff_role('manager', 'admin')));
create policy "Managers and admins can remove targets" on public.indicator_targets
	for delete to authenticated
	using ((select private.has_staff_role('manager', 'admin')));

create policy "Managers, admins and quality can read frozen figures" on public.indicator_snapshots
	for select to authenticated
	using ((select private.reads_indicators()));
create policy "Managers, admins and quality can read restatements" on public.indicator_restatements
	for select to authenticated
	using ((select private.reads_indicators()));

create policy "Managers, admins and quality can read reviews" on public.management_reviews
	for select to authenticated
	using ((select private.reads_indicators()));
create policy "Managers and admins can start reviews" on public.management_reviews
	for insert to authenticated
	with check ((select private.has_staff_role('manager', 'admin')));
create policy "Managers and admins can write draft reviews" on public.management_reviews
	for update to authenticated
	using ((select private.has_staff_role('manager', 'admin')) and approved_at is null)
	with check ((select private.has_staff_role('manager', 'admin')));

create policy "Managers, admins and quality can read decisions" on public.review_decisions
	for select to authenticated
	using ((select private.reads_indicators()));
create policy "Managers and admins can record decisions" on public.review_decisions
	for insert to authenticated
	with check ((select private.has_staff_role('manager', 'admin')));
create policy "Managers and admins can update decisions" on public.review_decisions
	for update to authenticated
	using ((select private.has_staff_role('manager', 'admin')))
	with check ((select private.has_staff_role('manager', 'admin')));
create policy "Managers and admins can remove decisions of draft reviews" on public.review_decisions
	for delete to authenticated
	using ((select private.has_staff_role('manager', 'admin')));

-- Org-wide rollups hold every client's and anonymous figures.
create policy "Managers, admins and quality can read org-wide response rollups" on private.response_rollup_daily
	for select to authenticated using ((select private.reads_indicators()));
create policy "Managers, admins and quality can read org-wide item rollups" on private.item_rollup_monthly
	for select to authenticated using ((select private.reads_indicators()));
create policy "Managers, admins and quality can read org-wide resolution rollups" on private.item_resolution_monthly
	for select to authenticated using ((select private.reads_indicators()));

create policy "Managers, admins and quality can read all client response rollups" on private.response_rollup_client_daily
	for select to authenticated using ((select private.reads_indicators()));
create policy "Account managers can read their clients' response rollups" on private.response_rollup_client_daily
	for select to authenticated using (client_id in (select private.managed_client_ids()));
create policy "Managers, admins and quality can read all latest answers" on private.satisfaction_latest
	for select to authenticated using ((select private.reads_indicators()));
create policy "Account managers can read their clients' latest answers" on private.satisfaction_latest
	for select to authenticated using (client_id in (select private.managed_client_ids()));
create policy "Managers, admins and quality can read all invitation rollups" on private.invitation_rollup_monthly
	for select to authenticated using ((select private.reads_indicators()));
create policy "Account managers can read their clients' invitation rollups" on private.invitation_rollup_monthly
	for select to authenticated using (client_key in (select private.managed_client_ids()));
create policy "Managers, admins and quality can read all client item rollups" on private.item_rollup_client_monthly
	for select to authenticated using ((select private.reads_indicators()));
create policy "Account managers can read their clients' item rollups" on private.item_rollup_client_monthly
	for select to authenticated using (client_id in (select private.managed_client_ids()));
create policy "Managers, admins and quality can read all client resolution rollups" on private.item_resolution_client_monthly
	for select to authenticated using ((select private.reads_indicators()));
create policy "Account managers can read their clients' resolution rollups" on private.item_resolution_client_monthly
	for select to authenticated using (client_id in (select private.managed_client_ids()));
create policy "Managers, admins and quality can read all contract rollups" on private.contract_rollup_daily
	for select to authenticated using ((select private.reads_indicators()));
create policy "Account managers can read their clients' contract rollups" on private.contract_rollup_daily
	for select to authenticated using (client_id in (select private.managed_client_ids()));

-- Realtime authorisation (as on hosted Supabase): joining the private topic
-- 'dashboard' needs SELECT on its broadcast messages; nobody but the database sends.
create policy "Managers, admins, quality and account managers can receive dashboard broadcasts" on realtime.messages
	for select to authenticated
	using (
		(select realtime.topic()) = 'dashboard'
		and extension = 'broadcast'
		and (select private.has_staff_role('manager', 'admin', 'quality', 'account_manager'))
	);

-- ============================================================================
-- public functions
-- ============================================================================

-- PostgREST computed field: select=*,contract_timing on contracts.
create function public.contract_timing(contract public.contracts) returns text
language sql
stable
set search_path = ''
as $$
	select private.contract_timing(contract.due_date, contract.delivered_at, private.organisation_today())
$$;

-- Everything the dashboard shows, for the caller's filters, computed from the
-- rollups as the caller (RLS decides whose figures). Filters (all optional):
-- {"quarters": 1-12 (default 8), "grain": "week"|"month", "client": uuid,
--  "sector": text, "accountManager": uuid, "survey": uuid, "channel": response_channel}
create function public.dashboard_aggregates(p_filters jsonb default '{}') returns jsonb
language plpgsql
set search_path = ''
as $$
declare
	quarters integer;
	grain text := coalesce(p_filters ->> 'grain', 'month');
	v_client uuid;
	v_sector text := nullif(btrim(p_filters ->> 'sector'), '');
	v_account_manager uuid;
	v_survey uuid;
	v_channel public.response_channel;
	this_quarter date := private.quarter_start(private.organisation_today());
	first_quarter date;
	client_ids uuid[];
	unfiltered boolean;
	result jsonb;
begin
	if jsonb_typeof(coalesce(p_filters, '{}')) <> 'object' then
		raise exception 'filters must be a JSON object' using errcode = '22023';
	end if;
	begin
		quarters := coalesce((p_filters ->> 'quarters')::integer, 8);
		v_client := (p_filters ->> 'client')::uuid;
		v_account_manager := (p_filters ->> 'accountManager')::uuid;
		v_survey := (p_filters ->> 'survey')::uuid;
		v_channel := (p_filters ->> 'channel')::public.response_channel;
	exception when others then
		raise exception 'invalid dashboard filter' using errcode = '22023';
	end;
	if quarters not between 1 and 12 or grain not in ('week', 'month') or char_length(v_sector) > 100 then
		raise exception 'invalid dashboard filter' using errcode = '22023';
	end if;
	first_quarter := (this_quarter - make_interval(months => 3 * (quarters - 1)))::date;

	-- Client-scoped filters, and account managers (whose RLS shows only their clients), read the per-client rollups.
	if v_client is not null or v_sector is not null or v_account_manager is not null or private.has_staff_role('account_manager') then
		select coalesce(array_agg(c.id), '{}') into client_ids
		from public.clients as c
		where (v_client is null or c.id = v_client)
			and (v_sector is null or c.sector = v_sector)
			and (v_account_manager is null or c.account_manager_id = v_account_manager);
	end if;
	unfiltered := client_ids is null and v_survey is null and v_channel is null;

	perform private.freeze_closed_quarters();

	with quarter_list as (
		select series::date as quarter from generate_series(first_quarter, this_quarter, interval '3 months') as series
	),
	cct as (select * from private.cct_by_quarter(first_quarter, this_quarter, client_ids)),
	sc as (select * from private.sc_by_quarter(first_quarter, this_quarter, client_ids, v_survey, v_channel)),
	frozen as (
		select s.quarter, s.indicator, s.successes, s.n, s.frozen_at, r.successes as restated_successes, r.n as restated_n,
			r.value_percent as restated_value, r.restated_at
		from public.indicator_snapshots as s
		left join lateral (
			select restatement.* from public.indicator_restatements as restatement
			where restatement.quarter = s.quarter and restatement.indicator = s.indicator
			order by restatement.restated_at desc, restatement.id desc limit 1
		) as r on true
		where unfiltered and s.quarter >= first_quarter
	),
	targets as materialized (
		select t.indicator, t.valid_from, t.target_percent from public.indicator_targets as t
	),
	indicator_rows as (
		select q.quarter, code.indicator,
			(select t.target_percent from targets as t where t.indicator = code.indicator and t.valid_from <= q.quarter
				order by t.valid_from desc limit 1) as target,
			coalesce(f.successes, case code.indicator when 'cct' then cct.successes else sc.successes end) as successes,
			coalesce(f.n, case code.indicator when 'cct' then cct.n else sc.n end) as n,
			f.frozen_at, f.restated_successes, f.restated_n, f.restated_value, f.restated_at
		from quarter_list as q
		cross join (values ('cct'::public.indicator_code), ('sc'::public.indicator_code)) as code (indicator)
		left join cct on cct.quarter = q.quarter
		left join sc on sc.quarter = q.quarter
		left join frozen as f on f.quarter = q.quarter and f.indicator = code.indicator
	)
	select jsonb_build_object(
		'quarters', (
			select coalesce(jsonb_agg(private.indicator_figure(i.indicator, i.quarter, i.successes, i.n, i.target) || jsonb_build_object(
				'frozenAt', i.frozen_at,
				'restatement', case when i.restated_at is not null then jsonb_build_object(
					'successes', i.restated_successes, 'n', i.restated_n, 'value', i.restated_value, 'restatedAt', i.restated_at) end
			) order by i.indicator, i.quarter), '[]')
			from indicator_rows as i
		),
		'trend', private.response_trend(first_quarter, grain, client_ids, v_survey, v_channel),
		'complaints', private.item_statistics(first_quarter, (this_quarter + interval '3 months')::date, client_ids),
		'responseRate', private.response_rate(first_quarter, client_ids, v_survey, v_channel),
		'scope', jsonb_build_object('clients', case when client_ids is null then null else cardinality(client_ids) end,
			'firstQuarter', private.quarter_label(first_quarter), 'lastQuarter', private.quarter_label(this_quarter))
	) into result;
	return result;
end;
$$;

-- CSAT, NPS and responses per week or month since first_day.
create function private.response_trend(first_day date, grain text, client_ids uuid[], survey uuid,
	response_channel public.response_channel)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with days as (
		select day, responses, nps_answers, nps_promoters, nps_detractors, csat_answers, csat_top
		from private.response_rollup_daily as r
		where client_ids is null and r.day >= first_day
			and (survey is null or r.survey_id = survey) and (response_channel is null or r.channel = response_channel)
		union all
		select day, responses, nps_answers, nps_promoters, nps_detractors, csat_answers, csat_top
		from private.response_rollup_client_daily as r
		where client_ids is not null and r.client_id = any (client_ids) and r.day >= first_day
			and (survey is null or r.survey_id = survey) and (response_channel is null or r.channel = response_channel)
	),
	periods as (
		select date_trunc(grain, day::timestamp)::date as period, sum(responses)::integer as responses,
			sum(nps_answers)::integer as nps_n, sum(nps_promoters)::integer as promoters, sum(nps_detractors)::integer as detractors,
			sum(csat_answers)::integer as csat_n, sum(csat_top)::integer as csat_top
		from days
		group by 1
	)
	select coalesce(jsonb_agg(jsonb_build_object(
		'period', p.period, 'responses', p.responses,
		'npsN', p.nps_n, 'nps', round(100.0 * (p.promoters - p.detractors) / nullif(p.nps_n, 0), 1),
		'promoters', p.promoters, 'detractors', p.detractors,
		'csatN', p.csat_n, 'csatTop', p.csat_top, 'csat', round(100.0 * p.csat_top / nullif(p.csat_n, 0), 1),
		'csatLower', round((w.lower * 100)::numeric, 1), 'csatUpper', round((w.upper * 100)::numeric, 1)
	) order by p.period), '[]')
	from periods as p
	cross join lateral private.wilson_interval(p.csat_top, p.csat_n) as w
$$;

-- Complaints by status and category (created in the period) and median time to
-- resolve (resolved in the period), interpolated within its histogram bucket.
create function private.item_statistics(first_day date, end_day date, client_ids uuid[]) returns jsonb
language sql
stable
set search_path = ''
as $$
	with items as (
		select kind, category, status, items from private.item_rollup_monthly as r
		where client_ids is null and r.month >= first_day and r.month < end_day
		union all
		select kind, category, status, items from private.item_rollup_client_monthly as r
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
	)
	select jsonb_build_object(
		'total', (select coalesce(sum(items), 0) from items where kind = 'complaint'),
		'byStatus', (select coalesce(jsonb_agg(jsonb_build_object('status', status, 'items', n) order by status), '[]')
			from (select status, sum(items)::integer as n from items where kind = 'complaint' group by 1) as s),
		'byCategory', (select coalesce(jsonb_agg(jsonb_build_object('category', category, 'items', n) order by n desc, category), '[]')
			from (select category, sum(items)::integer as n from items where kind = 'complaint' group by 1) as c),
		'suggestions', (select coalesce(sum(items), 0) from items where kind = 'suggestion'),
		'resolved', coalesce((select total from median), 0),
		'medianHoursToResolve', (select hours from median)
	)
$$;

create function private.response_rate(first_day date, client_ids uuid[], survey uuid, response_channel public.response_channel)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select jsonb_build_object('sent', coalesce(sum(sent), 0), 'responded', coalesce(sum(responded), 0),
		'value', round(100.0 * sum(responded) / nullif(sum(sent), 0), 1))
	from private.invitation_rollup_monthly as r
	where r.month >= first_day
		and (client_ids is null or r.client_key = any (client_ids))
		and (survey is null or r.survey_id = survey)
		and (response_channel is null or r.channel = response_channel)
$$;

-- The figures of one quarter's management review (live until approval freezes them).
create function public.review_figures(p_quarter text) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
	v_quarter date := private.quarter_from_label(p_quarter);
	first_quarter date;
begin
	if v_quarter is null then
		raise exception 'quarter must look like 2026-Q3' using errcode = '22023';
	end if;
	if not private.reads_indicators() then
		raise exception 'only managers, admins and quality read management reviews' using errcode = '42501';
	end if;
	first_quarter := (v_quarter - interval '21 months')::date;
	return jsonb_build_object(
		'quarter', p_quarter,
		'indicators', (
			select jsonb_agg(private.indicator_figure(code.indicator, q.quarter,
				case code.indicator when 'cct' then cct.successes else sc.successes end,
				case code.indicator when 'cct' then cct.n else sc.n end,
				private.target_for(code.indicator, q.quarter)) order by code.indicator, q.quarter)
			from (select series::date as quarter from generate_series(first_quarter, v_quarter, interval '3 months') as series) as q
			cross join (values ('cct'::public.indicator_code), ('sc'::public.indicator_code)) as code (indicator)
			left join private.cct_by_quarter(first_quarter, v_quarter, null) as cct on cct.quarter = q.quarter
			left join private.sc_by_quarter(first_quarter, v_quarter, null, null, null) as sc on sc.quarter = q.quarter
		),
		'complaints', private.item_statistics(v_quarter, (v_quarter + interval '3 months')::date, null),
		'contractsByClient', (
			select coalesce(jsonb_agg(jsonb_build_object('client', c.name, 'contracts', r.n, 'fulfilled', r.fulfilled,
				'value', round(100.0 * r.fulfilled / nullif(r.n, 0), 1)) order by c.name), '[]')
			from (
				select client_id, sum(fulfilled)::integer as fulfilled,
					sum(case when due_date < (select private.organisation_today()) then contracts else fulfilled end)::integer as n
				from private.contract_rollup_daily
				where due_date >= v_quarter and due_date < v_quarter + interval '3 months'
				group by 1
			) as r
			join public.clients as c on c.id = r.client_id
		),
		'lowestQuestions', private.lowest_scoring_questions(v_quarter)
	);
end;
$$;

-- Scale questions of the quarter's answers, worst first, as a share of the scale's top
-- (a review reads one quarter, so this reads that quarter's responses directly).
create function private.lowest_scoring_questions(quarter date) returns jsonb
language sql
stable
set search_path = ''
as $$
	with answers as (
		select response.survey_id, answer.key as question_id, answer.value::text::numeric as score
		from public.survey_responses as response
		cross join lateral jsonb_each(response.answers) as answer
		where response.created_at >= (quarter::timestamp at time zone private.organisation_time_zone())
			and response.created_at < ((quarter + interval '3 months')::timestamp at time zone private.organisation_time_zone())
			and jsonb_typeof(answer.value) = 'number'
	),
	scored as (
		select answers.survey_id, answers.question_id, question -> 'label' as label, question ->> 'type' as type,
			count(*)::integer as n, avg(answers.score) as average
		from answers
		join public.surveys as survey on survey.id = answers.survey_id
		cross join lateral jsonb_array_elements(survey.definition -> 'questions') as question
		where question ->> 'id' = answers.question_id and question ->> 'type' in ('nps', 'csat', 'rating')
		group by 1, 2, 3, 4
	)
	select coalesce(jsonb_agg(jsonb_build_object('label', label, 'type', type, 'n', n, 'average', round(average, 2),
		'share', round(100 * average / case type when 'nps' then 10 else 5 end, 1)) order by average / case type when 'nps' then 10 else 5 end),
		'[]')
	from (select * from scored order by average / case type when 'nps' then 10 else 5 end limit 5) as worst
$$;

-- Approval stamps who and when and freezes the figures the page shows.
create function public.approve_review(p_review_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	review public.management_reviews;
begin
	if not private.has_staff_role('manager', 'admin') then
		raise exception 'only managers and admins approve reviews' using errcode = '42501';
	end if;
	select * into review from public.management_reviews as r where r.id = p_review_id for update;
	if review.id is null then
		raise exception 'review not found' using errcode = 'P0002';
	end if;
	if review.approved_at is not null then
		raise exception 'the review is already approved' using errcode = '55000';
	end if;
	if review.quarter + interval '3 months' > private.organisation_today() then
		raise exception 'a quarter is reviewed once it has ended' using errcode = '55000';
	end if;
	update public.management_reviews
	set approved_at = now(), approved_by = (select auth.uid()), figures = public.review_figures(private.quarter_label(review.quarter))
	where id = review.id;
end;
$$;

-- Recomputes every rollup from raw data (after a bulk load, or to check the triggers).
create function public.rebuild_rollups() returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	statement text;
begin
	truncate private.response_rollup_daily, private.response_rollup_client_daily, private.satisfaction_latest,
		private.invitation_rollup_monthly, private.item_rollup_monthly, private.item_rollup_client_monthly,
		private.item_resolution_monthly, private.item_resolution_client_monthly, private.contract_rollup_daily;
	foreach statement in array
		private.response_rollup_statements('(select 1 as sign, r.* from public.survey_responses as r)')
		|| private.satisfaction_latest_statements('(select 1 as sign, r.* from public.survey_responses as r)', false)
		|| private.item_rollup_statements('(select 1 as sign, r.* from public.feedback_items as r)')
		|| private.contract_rollup_statements('(select 1 as sign, r.* from public.contracts as r)')
		|| private.invitation_rollup_statements('(select 1 as sign, r.* from public.survey_invitations as r)')
	loop
		execute statement;
	end loop;
end;
$$;

-- ============================================================================
-- grants
-- ============================================================================

revoke all on public.indicator_targets, public.indicator_snapshots, public.indicator_restatements,
	public.management_reviews, public.review_decisions from anon, authenticated, public;
revoke all on private.response_rollup_daily, private.response_rollup_client_daily, private.satisfaction_latest,
	private.invitation_rollup_monthly, private.item_rollup_monthly, private.item_rollup_client_monthly,
	private.item_resolution_monthly, private.item_resolution_client_monthly, private.contract_rollup_daily
	from anon, authenticated, public;

grant select, delete on public.indicator_targets to authenticated;
grant insert (indicator, valid_from, target_percent) on public.indicator_targets to authenticated;
grant update (target_percent) on public.indicator_targets to authenticated;
grant select on public.indicator_snapshots, public.indicator_restatements to authenticated;
grant select on public.management_reviews to authenticated;
grant insert (quarter, conclusions) on public.management_reviews to authenticated;
grant update (conclusions) on public.management_reviews to authenticated;
grant select, delete on public.review_decisions to authenticated;
grant insert (review_id, description, owner_id, due_date, state) on public.review_decisions to authenticated;
grant update (description, owner_id, due_date, state) on public.review_decisions to authenticated;
grant select on private.response_rollup_daily, private.response_rollup_client_daily, private.satisfaction_latest,
	private.invitation_rollup_monthly, private.item_rollup_monthly, private.item_rollup_client_monthly,
	private.item_resolution_monthly, private.item_resolution_client_monthly, private.contract_rollup_daily to authenticated;

revoke execute on function
	private.organisation_time_zone(), private.local_day(timestamptz), private.organisation_today(), private.quarter_start(date),
	private.month_start(date), private.quarter_label(date), private.quarter_from_label(text),
	private.contract_timing(date, timestamptz, date), private.contract_fulfilled(date, timestamptz, public.contract_conformity),
	private.wilson_interval(integer, integer), private.indicator_status(integer, integer, numeric),
	private.resolution_bucket(double precision), private.resolution_bucket_width(integer),
	private.rollup_statements(text, text[], text[], text, text), private.response_facts(), private.response_rollup_statements(text),
	private.satisfaction_latest_statements(text, boolean), private.item_facts(), private.item_rollup_statements(text),
	private.contract_rollup_statements(text), private.invitation_rollup_statements(text), private.signed_source(text),
	private.target_for(public.indicator_code, date), private.cct_by_quarter(date, date, uuid[]),
	private.sc_by_quarter(date, date, uuid[], uuid, public.response_channel),
	private.indicator_figure(public.indicator_code, date, integer, integer, numeric), private.org_figures(date),
	private.freeze_closed_quarters(), private.restate_quarters(date[]), private.set_response_channel(),
	private.rollup_survey_responses(), private.rollup_feedback_items(), private.rollup_contracts(),
	private.rollup_survey_invitations(), private.broadcast_rollup_change(), private.protect_approved_review(),
	private.protect_approved_decisions(), private.managed_client_ids(), private.reads_indicators(),
	private.response_trend(date, text, uuid[], uuid, public.response_channel), private.item_statistics(date, date, uuid[]),
	private.response_rate(date, uuid[], uuid, public.response_channel), private.lowest_scoring_questions(date),
	public.contract_timing(public.contracts), public.dashboard_aggregates(jsonb), public.review_figures(text),
	public.approve_review(uuid), public.rebuild_rollups()
from public, anon;

-- What the caller-rights aggregate functions run through.
grant execute on function
	private.organisation_time_zone(), private.local_day(timestamptz), private.organisation_today(), private.quarter_start(date),
	private.month_start(date), private.quarter_label(date), private.quarter_from_label(text),
	private.contract_timing(date, timestamptz, date), private.contract_fulfilled(date, timestamptz, public.contract_conformity),
	private.wilson_interval(integer, integer), private.indicator_status(integer, integer, numeric),
	private.resolution_bucket_width(integer), private.target_for(public.indicator_code, date),
	private.cct_by_quarter(date, date, uuid[]), private.sc_by_quarter(date, date, uuid[], uuid, public.response_channel),
	private.indicator_figure(public.indicator_code, date, integer, integer, numeric), private.freeze_closed_quarters(),
	private.managed_client_ids(), private.reads_indicators(),
	private.response_trend(date, text, uuid[], uuid, public.response_channel), private.item_statistics(date, date, uuid[]),
	private.response_rate(date, uuid[], uuid, public.response_channel), private.lowest_scoring_questions(date),
	public.contract_timing(public.contracts), public.dashboard_aggregates(jsonb), public.review_figures(text),
	public.approve_review(uuid)
to authenticated;
-- Rebuilding is a server-side admin task (after a bulk import); nobody else runs it.
grant execute on function public.rebuild_rollups() to service_role;

-- Existing data (a project that had responses before this migration).
select public.rebuild_rollups();
