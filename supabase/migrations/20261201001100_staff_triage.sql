-- Staff triage: the inbox's data, the workflow of a complaint or suggestion, its
-- deadlines (SLA clocks in business hours), the timeline of everything that
-- happened to it, and an append-only audit trail of the staff-edited tables.
--
-- What other features build on (names are stable):
--
--   feedback_items (new columns)  priority, assignee_id, version (optimistic concurrency: bumped by every
--                                 staff-visible change and every message), duplicate_of_id, rejection_reason,
--                                 resolution_text, reopen_count, search_document (Spanish full text, accents
--                                 folded), sla_* (a cache of the deadline clocks, see below)
--   feedback_item_events          the item's event log, append-only, written only by triggers. Kinds:
--                                 created, triaged (priority/category set), assigned, status_changed,
--                                 internal_note, public_reply, client_message, client_resolution_answer,
--                                 merged (on the original: a duplicate was linked to it), requirement_linked
--   feedback_status_transitions   the allowed status changes (the trigger enforces them; the UI reads them)
--   sla_targets                   first-response and resolution targets per priority, in business minutes
--   business_calendar             working days and hours and the time zone the clocks count in (one row)
--   business_holidays             days off the clocks skip
--   triage_settings               automatic assignment: the categories it applies to and the open-item cap
--   staff_availability            who is absent (skipped by automatic assignment)
--   audit_log                     who changed what, when: old and new values of the changed columns
--
-- Functions: feedback_item_deadlines(item, p_now) explains both clocks; feedback_item_deadline_state(item,
-- p_now) answers one word; inbox_items(...) and inbox_counts(p_now) serve the inbox; add_feedback_message
-- checks the version before writing; feedback_duplicate_candidates and create_requirement_from_feedback.
-- Time is always a parameter (p_now) so tests use a fixed clock.
--
-- The deadline clocks (computed from feedback_item_events, never from counters):
--   * They count business minutes of business_calendar (default Europe/Madrid, Monday to Friday 09:00-18:00),
--     skipping business_holidays.
--   * Both start when the item is created. They run while the status is new, triaged or in_progress and pause
--     while it is waiting_client. Time spent resolved before a reopen is paused time too.
--   * First response stops at the first public reply (internal notes and status changes do not count) or
--     when the item is resolved, rejected or merged without one. Resolution stops when the item becomes
--     resolved, closed, rejected or duplicate, and runs again if it is reopened.
--   * A clock is due soon when what is left is at most a quarter of its target, and never more than two
--     working hours. Changing a target, the calendar or a holiday recomputes the open items' cache.
--   * The sla_* columns cache, per open item, the instant each running clock falls due. Those instants do
--     not move while nothing happens to the item (business time runs on its own), so the inbox filters and
--     sorts on them with an index; every event refreshes them with the same function that explains them.
--
-- Who may do what (active staff only; anon and service_role nothing):
--
--   table                        | select                          | insert / update / delete
--   -----------------------------+---------------------------------+----------------------------------------
--   feedback_item_events         | whoever can read the item       | nobody (triggers write it)
--   feedback_status_transitions  | every active staff member       | nobody (this migration defines them)
--   sla_targets                  | every active staff member       | update: admin
--   business_calendar            | every active staff member       | update: admin
--   business_holidays            | every active staff member       | admin
--   triage_settings              | every active staff member       | update: admin
--   staff_availability           | every active staff member       | the person themselves or an admin
--   audit_log                    | admin, quality                  | nobody: triggers write it, no one edits it

-- ============================================================================
-- extensions
-- ============================================================================
-- Both are trusted extensions: the non-superuser postgres role may create them.

create extension if not exists unaccent with schema extensions;
create extension if not exists pg_trgm with schema extensions;

-- Spanish stemming with accents folded first, so "facturacion" finds "facturación".
create text search configuration public.spanish_unaccent (copy = pg_catalog.spanish);
alter text search configuration public.spanish_unaccent
	alter mapping for hword, hword_part, word with extensions.unaccent, spanish_stem;

-- ============================================================================
-- enums
-- ============================================================================

create type public.feedback_priority as enum ('low', 'normal', 'high', 'urgent');

create type public.feedback_event_kind as enum (
	'created', 'triaged', 'assigned', 'status_changed', 'internal_note', 'public_reply', 'client_message',
	'client_resolution_answer', 'merged', 'requirement_linked'
);

create type public.audit_action as enum ('insert', 'update', 'delete');

-- ============================================================================
-- tables
-- ============================================================================

alter table public.feedback_items
	add column priority public.feedback_priority not null default 'normal',
	add column assignee_id uuid references public.staff_members (user_id) on delete set null,
	add column version integer not null default 1 check (version >= 1),
	add column duplicate_of_id uuid references public.feedback_items (id) on delete set null,
	add column rejection_reason text check (char_length(rejection_reason) <= 2000),
	add column resolution_text text check (char_length(resolution_text) <= 4000),
	add column reopen_count integer not null default 0 check (reopen_count >= 0),
	add column search_document tsvector,
	-- Deadline cache (see the header): when each running clock falls due, the earlier of the two, and when
	-- that one becomes due soon. Null when the clock is stopped or paused.
	add column sla_first_response_due_at timestamptz,
	add column sla_resolution_due_at timestamptz,
	add column sla_next_due_at timestamptz,
	add column sla_due_soon_at timestamptz,
	add constraint feedback_items_not_duplicate_of_itself check (duplicate_of_id <> id);

-- The inbox's orders: newest first (keyset on created_at, id) and soonest deadline first.
create index feedback_items_created_at_id_idx on public.feedback_items (created_at desc, id desc);
create index feedback_items_open_created_at_idx on public.feedback_items (created_at desc, id desc)
	where status in ('new', 'triaged', 'in_progress', 'waiting_client');
create index feedback_items_status_created_at_id_idx on public.feedback_items (status, created_at desc, id desc);
create index feedback_items_assignee_open_idx on public.feedback_items (assignee_id, created_at desc, id desc)
	where status in ('new', 'triaged', 'in_progress', 'waiting_client');
create index feedback_items_unassigned_open_idx on public.feedback_items (created_at desc, id desc)
	where assignee_id is null and status in ('new', 'triaged', 'in_progress', 'waiting_client');
create index feedback_items_next_due_idx on public.feedback_items (sla_next_due_at, id)
	where sla_next_due_at is not null;
create index feedback_items_search_idx on public.feedback_items using gin (search_document);
create index feedback_items_subject_trgm_idx on public.feedback_items using gin (subject extensions.gin_trgm_ops);
create index feedback_items_duplicate_of_id_idx on public.feedback_items (duplicate_of_id);

-- A requirement documented from a suggestion links back to it; the item finds it through this column.
alter table public.requirements
	add column feedback_item_id uuid references public.feedback_items (id) on delete set null;

create index requirements_feedback_item_id_idx on public.requirements (feedback_item_id);

-- Everything that happened to an item, in order. The deadline clocks are computed from it.
create table public.feedback_item_events (
	id bigint generated always as identity primary key,
	feedback_item_id uuid not null references public.feedback_items (id) on delete cascade,
	kind public.feedback_event_kind not null,
	-- The staff member who acted; null for the client and for the system (automatic assignment). No foreign
	-- key, like message_id: the log is append-only, so removing a person or a message must not rewrite it.
	actor_id uuid,
	occurred_at timestamptz not null default now(),
	-- status_changed (and created: the status it was created with).
	from_status public.feedback_status,
	to_status public.feedback_status,
	-- internal_note, public_reply, client_message.
	message_id uuid,
	-- Kind-specific facts: {"priority": {"from", "to"}}, {"assignee": {"from", "to"}, "automatic": true},
	-- {"duplicate_of_id"}, {"duplicate_id"}, {"satisfied"}, {"requirement_id"}, {"reason"}.
	details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object')
);

create index feedback_item_events_item_idx on public.feedback_item_events (feedback_item_id, occurred_at, id);
create index feedback_item_events_actor_idx on public.feedback_item_events (actor_id, occurred_at desc);

create table public.feedback_status_transitions (
	from_status public.feedback_status not null,
	to_status public.feedback_status not null,
	-- Counted in feedback_items.reopen_count.
	is_reopen boolean not null default false,
	primary key (from_status, to_status)
);

insert into public.feedback_status_transitions (from_status, to_status, is_reopen) values
	('new', 'triaged', false), ('new', 'rejected', false), ('new', 'duplicate', false),
	('triaged', 'in_progress', false), ('triaged', 'rejected', false), ('triaged', 'duplicate', false),
	('in_progress', 'waiting_client', false), ('in_progress', 'resolved', false),
	('in_progress', 'rejected', false), ('in_progress', 'duplicate', false),
	('waiting_client', 'in_progress', false), ('waiting_client', 'rejected', false), ('waiting_client', 'duplicate', false),
	('resolved', 'closed', false), ('resolved', 'in_progress', true);
-- (A client who answers "not resolved" on the tracking page also reopens a closed item; that path is the
-- workflow trigger's, not a staff transition.)

create table public.sla_targets (
	priority public.feedback_priority primary key,
	-- Business minutes of business_calendar; "one day" is one working day (540 minutes at 09:00-18:00).
	first_response_minutes integer not null check (first_response_minutes between 1 and 144000),
	resolution_minutes integer not null check (resolution_minutes between 1 and 576000),
	updated_at timestamptz not null default now(),
	constraint sla_targets_response_before_resolution check (first_response_minutes <= resolution_minutes)
);

insert into public.sla_targets (priority, first_response_minutes, resolution_minutes) values
	('urgent', 4 * 60, 1 * 540),
	('high', 8 * 60, 3 * 540),
	('normal', 1 * 540, 5 * 540),
	('low', 3 * 540, 10 * 540);

-- One row today; an organisation id can join the key when several organisations share a deployment.
create table public.business_calendar (
	id smallint primary key default 1 check (id = 1),
	-- An IANA name; checked against pg_timezone_names by a trigger.
	time_zone text not null default 'Europe/Madrid',
	-- ISO days of the week, 1 = Monday ... 7 = Sunday.
	working_days smallint[] not null default '{1,2,3,4,5}'
		check (cardinality(working_days) between 1 and 7 and working_days <@ '{1,2,3,4,5,6,7}'::smallint[]),
	day_starts_at time not null default '09:00',
	day_ends_at time not null default '18:00',
	updated_at timestamptz not null default now(),
	constraint business_calendar_day_has_hours check (day_ends_at > day_starts_at)
);

insert into public.business_calendar (id) values (1);

create table public.business_holidays (
	holiday_date date primary key,
	name text not null check (btrim(name) <> '' and char_length(name) <= 200),
	created_at timestamptz not null default now()
);

-- Spain's national holidays of 2026 and 2027 (regional and local ones are the admin's to add).
insert into public.business_holidays (holiday_date, name) values
	('2026-01-01', 'Año Nuevo'), ('2026-01-06', 'Epifanía del Señor'), ('2026-04-03', 'Viernes Santo'),
	('2026-05-01', 'Fiesta del Trabajo'), ('2026-08-15', 'Asunción de la Virgen'), ('2026-10-12', 'Fiesta Nacional de España'),
	('2026-11-01', 'Todos los Santos'), ('2026-12-06', 'Día de la Constitución'), ('2026-12-08', 'Inmaculada Concepción'),
	('2026-12-25', 'Natividad del Señor'),
	('2027-01-01', 'Año Nuevo'), ('2027-01-06', 'Epifanía del Señor'), ('2027-03-26', 'Viernes Santo'),
	('2027-05-01', 'Fiesta del Trabajo'), ('2027-08-15', 'Asunción de la Virgen'), ('2027-10-12', 'Fiesta Nacional de España'),
	('2027-11-01', 'Todos los Santos'), ('2027-12-06', 'Día de la Constitución'), ('2027-12-08', 'Inmaculada Concepción'),
	('2027-12-25', 'Natividad del Señor');

create table public.triage_settings (
	id smallint primary key default 1 check (id = 1),
	-- New items of these categories are assigned round robin among active, present agents.
	auto_assign_categories text[] not null default '{}'
		check (auto_assign_categories <@ '{product,delivery,service,billing,communication,other}'::text[]),
	-- An agent with this many open items gets no more automatically.
	auto_assign_open_cap integer not null default 10 check (auto_assign_open_cap between 1 and 1000),
	updated_at timestamptz not null default now()
);

insert into public.triage_settings (id) values (1);

create table public.staff_availability (
	user_id uuid primary key references public.staff_members (user_id) on delete cascade,
	is_absent boolean not null default false,
	note text check (char_length(note) <= 200),
	updated_at timestamptz not null default now()
);

-- Whose turn it is: the agent assigned longest ago goes first. Written only by the assignment trigger.
create table private.auto_assignment_turns (
	user_id uuid primary key references public.staff_members (user_id) on delete cascade,
	last_assigned_at timestamptz not null
);

create table public.audit_log (
	id bigint generated always as identity primary key,
	occurred_at timestamptz not null default now(),
	-- The signed-in person (null for clients, the service role and migrations) and the API role acting.
	actor_id uuid,
	actor_role text,
	table_name text not null,
	row_id text not null,
	action public.audit_action not null,
	-- insert: new only; delete: old only; update: the changed columns, before and after.
	old_values jsonb,
	new_values jsonb
);

create index audit_log_occurred_at_idx on public.audit_log (occurred_at desc, id desc);
create index audit_log_table_row_idx on public.audit_log (table_name, row_id, occurred_at desc);
create index audit_log_actor_idx on public.audit_log (actor_id, occurred_at desc);

-- ============================================================================
-- calendar and deadline helpers
-- ============================================================================

-- Business minutes between two instants on the calendar (0 when p_to <= p_from).
create function private.business_minutes_between(p_from timestamptz, p_to timestamptz) returns numeric
language sql
stable
security definer
set search_path = ''
as $$
	with calendar as (
		select time_zone, working_days, day_starts_at, day_ends_at from public.business_calendar where id = 1
	),
	windows as (
		select (day::date + calendar.day_starts_at) at time zone calendar.time_zone as opens_at,
			(day::date + calendar.day_ends_at) at time zone calendar.time_zone as closes_at
		from calendar,
			generate_series((p_from at time zone calendar.time_zone)::date::timestamp,
				(p_to at time zone calendar.time_zone)::date::timestamp, interval '1 day') as day
		where p_to > p_from
			and extract(isodow from day)::smallint = any (calendar.working_days)
			and not exists (select 1 from public.business_holidays as holiday where holiday.holiday_date = day::date)
	)
	select coalesce(sum(extract(epoch from least(closes_at, p_to) - greatest(opens_at, p_from)) / 60), 0)
	from windows
	where least(closes_at, p_to) > greatest(opens_at, p_from)
$$;

-- The instant p_minutes business minutes after p_from (p_from itself for 0; null if the calendar has
-- no working time in ten years, which its checks make impossible).
create function private.business_add(p_from timestamptz, p_minutes numeric) returns timestamptz
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	v_calendar public.business_calendar;
	v_day date;
	v_opens timestamptz;
	v_closes timestamptz;
	v_start timestamptz;
	v_left numeric := greatest(p_minutes, 0);
	v_available numeric;
begin
	if v_left = 0 then
		return p_from;
	end if;
	select * into v_calendar from public.business_calendar where id = 1;
	v_day := (p_from at time zone v_calendar.time_zone)::date;
	for i in 1..3660 loop
		if extract(isodow from v_day)::smallint = any (v_calendar.working_days)
			and not exists (select 1 from public.business_holidays as holiday where holiday.holiday_date = v_day) then
			v_opens := (v_day + v_calendar.day_starts_at) at time zone v_calendar.time_zone;
			v_closes := (v_day + v_calendar.day_ends_at) at time zone v_calendar.time_zone;
			v_start := greatest(v_opens, p_from);
			if v_closes > v_start then
				v_available := extract(epoch from v_closes - v_start) / 60;
				if v_left <= v_available then
					return v_start + make_interval(secs => v_left * 60);
				end if;
				v_left := v_left - v_available;
			end if;
		end if;
		v_day := v_day + 1;
	end loop;
	return null;
end;
$$;

-- How close to its target a running clock is allowed to get before it counts as due soon.
create function private.due_soon_minutes(p_target_minutes integer) returns numeric
language sql
immutable
set search_path = ''
as $$
	select least(120, p_target_minutes / 4.0)
$$;

-- Both clocks of one item at p_now, replayed from its events (see the header for the rules).
-- state: on_time | due_soon | overdue (running), paused, met | breached (stopped).
create function private.deadline_clocks(p_item_id uuid, p_now timestamptz)
returns table (
	clock text, target_minutes integer, elapsed_minutes numeric, remaining_minutes numeric, paused_minutes numeric,
	due_at timestamptz, breached_at timestamptz, stopped_at timestamptz, state text
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	v_item public.feedback_items;
	v_target public.sla_targets;
	v_event record;
	v_status public.feedback_status;
	v_segment_start timestamptz;
	v_segment_end timestamptz;
	v_minutes numeric;
	-- index 1: first response, 2: resolution
	v_targets integer[];
	v_elapsed numeric[] := array[0, 0];
	v_paused numeric[] := array[0, 0];
	v_breached timestamptz[] := array[null, null]::timestamptz[];
	v_stopped timestamptz[] := array[null, null]::timestamptz[];
	v_replied_at timestamptz;
	v_pending_pause numeric := 0;
	v_remaining numeric;
	v_name text;
begin
	select * into v_item from public.feedback_items where id = p_item_id;
	if not found then
		return;
	end if;
	select * into v_target from public.sla_targets where priority = v_item.priority;
	v_targets := array[v_target.first_response_minutes, v_target.resolution_minutes];
	v_status := 'new';
	v_segment_start := v_item.created_at;

	for v_event in
		select event.kind, event.to_status, event.occurred_at
		from public.feedback_item_events as event
		where event.feedback_item_id = p_item_id and event.occurred_at <= p_now
			and event.kind in ('created', 'status_changed', 'public_reply')
		order by event.occurred_at, event.id
	loop
		if v_event.kind = 'created' then
			v_status := coalesce(v_event.to_status, 'new');
			v_segment_start := least(v_segment_start, v_event.occurred_at);
			continue;
		end if;
		v_segment_end := greatest(v_event.occurred_at, v_segment_start);
		v_minutes := private.business_minutes_between(v_segment_start, v_segment_end);
		if v_status in ('new', 'triaged', 'in_progress') then
			for i in 1..2 loop
				if v_stopped[i] is null then
					if v_breached[i] is null and v_elapsed[i] + v_minutes >= v_targets[i] then
						v_breached[i] := private.business_add(v_segment_start, v_targets[i] - v_elapsed[i]);
					end if;
					v_elapsed[i] := v_elapsed[i] + v_minutes;
				end if;
			end loop;
		elsif v_status = 'waiting_client' then
			for i in 1..2 loop
				if v_stopped[i] is null then
					v_paused[i] := v_paused[i] + v_minutes;
				end if;
			end loop;
		else
			-- Stopped (resolved, closed, ...): counts as paused only if the item is reopened below.
			v_pending_pause := v_pending_pause + v_minutes;
		end if;

		if v_event.kind = 'public_reply' then
			if v_replied_at is null then
				v_replied_at := v_event.occurred_at;
				v_stopped[1] := coalesce(v_stopped[1], v_event.occurred_at);
			end if;
		elsif v_event.to_status in ('resolved', 'closed', 'rejected', 'duplicate') then
			v_stopped[2] := coalesce(v_stopped[2], v_event.occurred_at);
			v_stopped[1] := coalesce(v_stopped[1], v_event.occurred_at);
			v_pending_pause := 0;
		elsif v_event.to_status is not null and v_status in ('resolved', 'closed', 'rejected', 'duplicate') then
			-- Reopened: the resolution clock runs again; the time it stood still is paused time.
			v_paused[2] := v_paused[2] + v_pending_pause;
			v_stopped[2] := null;
			if v_replied_at is null then
				v_paused[1] := v_paused[1] + v_pending_pause;
				v_stopped[1] := null;
			end if;
			v_pending_pause := 0;
		end if;
		if v_event.to_status is not null then
			v_status := v_event.to_status;
		end if;
		v_segment_start := v_segment_end;
	end loop;

	-- The segment from the last event up to p_now.
	v_minutes := private.business_minutes_between(v_segment_start, greatest(p_now, v_segment_start));
	for i in 1..2 loop
		if v_stopped[i] is null then
			if v_status in ('new', 'triaged', 'in_progress') then
				if v_breached[i] is null and v_elapsed[i] + v_minutes >= v_targets[i] then
					v_breached[i] := private.business_add(v_segment_start, v_targets[i] - v_elapsed[i]);
				end if;
				v_elapsed[i] := v_elapsed[i] + v_minutes;
			elsif v_status = 'waiting_client' then
				v_paused[i] := v_paused[i] + v_minutes;
			end if;
		end if;
	end loop;

	for i in 1..2 loop
		v_name := case i when 1 then 'first_response' else 'resolution' end;
		v_remaining := greatest(v_targets[i] - v_elapsed[i], 0);
		clock := v_name;
		target_minutes := v_targets[i];
		elapsed_minutes := round(v_elapsed[i], 2);
		remaining_minutes := round(v_remaining, 2);
		paused_minutes := round(v_paused[i], 2);
		breached_at := v_breached[i];
		stopped_at := v_stopped[i];
		due_at := null;
		if v_stopped[i] is not null then
			state := case when v_breached[i] is not null then 'breached' else 'met' end;
		elsif v_status = 'waiting_client' then
			state := 'paused';
		elsif v_status in ('new', 'triaged', 'in_progress') then
			due_at := coalesce(v_breached[i], private.business_add(p_now, v_remaining));
			state := case
				when v_breached[i] is not null then 'overdue'
				when v_remaining <= private.due_soon_minutes(v_targets[i]) then 'due_soon'
				else 'on_time'
			end;
		else
			-- Created closed (imported history) with no status event: nothing to measure.
			state := 'met';
		end if;
		return next;
	end loop;
end;
$$;

-- Rewrites one item's deadline cache from its clocks (called after each of its events).
create function private.refresh_feedback_item_deadlines(p_item_id uuid) returns void
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
begin
	select * into v_first from private.deadline_clocks(p_item_id, v_now) where clock = 'first_response';
	select * into v_resolution from private.deadline_clocks(p_item_id, v_now) where clock = 'resolution';
	if v_first.clock is null then
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
	update public.feedback_items as item
	set sla_first_response_due_at = v_first.due_at,
		sla_resolution_due_at = v_resolution.due_at,
		sla_next_due_at = v_next,
		sla_due_soon_at = least(v_soon, v_next)
	where item.id = p_item_id
		and (item.sla_first_response_due_at, item.sla_resolution_due_at, item.sla_next_due_at, item.sla_due_soon_at)
			is distinct from (v_first.due_at, v_resolution.due_at, v_next, least(v_soon, v_next));
end;
$$;

-- After a target, the calendar or a holiday changes: every open item's cache, recomputed.
create function private.refresh_open_item_deadlines() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform private.refresh_feedback_item_deadlines(item.id)
	from public.feedback_items as item
	where item.status in ('new', 'triaged', 'in_progress', 'waiting_client');
	return null;
end;
$$;

-- The search document of an item: subject (A), description (B), every message (C).
create function private.feedback_search_document(p_subject text, p_description text, p_item_id uuid) returns tsvector
language sql
stable
security definer
set search_path = ''
as $$
	select setweight(to_tsvector('public.spanish_unaccent', coalesce(p_subject, '')), 'A')
		|| setweight(to_tsvector('public.spanish_unaccent', coalesce(p_description, '')), 'B')
		|| coalesce((
			select setweight(to_tsvector('public.spanish_unaccent', string_agg(message.body, ' ')), 'C')
			from public.feedback_messages as message
			where message.feedback_item_id = p_item_id
		), ''::tsvector)
$$;

-- The search query for what a person typed (web-search syntax, accents folded).
create function private.feedback_search_query(p_text text) returns tsquery
language sql
stable
set search_path = ''
as $$
	select websearch_to_tsquery('public.spanish_unaccent', left(p_text, 200))
$$;

-- ============================================================================
-- triggers
-- ============================================================================

create trigger sla_targets_set_updated_at before update on public.sla_targets
	for each row execute function private.set_updated_at();
create trigger business_calendar_set_updated_at before update on public.business_calendar
	for each row execute function private.set_updated_at();
create trigger triage_settings_set_updated_at before update on public.triage_settings
	for each row execute function private.set_updated_at();
create trigger staff_availability_set_updated_at before update on public.staff_availability
	for each row execute function private.set_updated_at();

create function private.check_business_calendar() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.time_zone) then
		raise exception 'unknown time zone: %', new.time_zone using errcode = '22023';
	end if;
	return new;
end;
$$;

create trigger business_calendar_check before insert or update on public.business_calendar
	for each row execute function private.check_business_calendar();

create trigger sla_targets_refresh_deadlines after update on public.sla_targets
	for each statement execute function private.refresh_open_item_deadlines();
create trigger business_calendar_refresh_deadlines after update on public.business_calendar
	for each statement execute function private.refresh_open_item_deadlines();
create trigger business_holidays_refresh_deadlines after insert or update or delete on public.business_holidays
	for each statement execute function private.refresh_open_item_deadlines();

-- New items: the search document and, for the categories that want it, an assignee in turn.
create function private.prepare_feedback_item() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_settings public.triage_settings;
	v_assignee uuid;
begin
	new.search_document := private.feedback_search_document(new.subject, new.description, new.id);
	new.version := 1;
	if new.assignee_id is not null then
		return new;
	end if;
	select * into v_settings from public.triage_settings where id = 1;
	if not (new.category = any (v_settings.auto_assign_categories)) then
		return new;
	end if;
	-- One assignment at a time, so two items arriving together go to two people.
	perform pg_advisory_xact_lock(hashtext('feedback auto assignment'));
	select staff.user_id into v_assignee
	from public.staff_members as staff
	left join public.staff_availability as availability on availability.user_id = staff.user_id
	left join private.auto_assignment_turns as turn on turn.user_id = staff.user_id
	where staff.role = 'agent' and staff.active and not coalesce(availability.is_absent, false)
		and (
			select count(*) from public.feedback_items as item
			where item.assignee_id = staff.user_id and item.status in ('new', 'triaged', 'in_progress', 'waiting_client')
		) < v_settings.auto_assign_open_cap
	order by turn.last_assigned_at nulls first, staff.user_id
	limit 1;
	if v_assignee is not null then
		new.assignee_id := v_assignee;
		insert into private.auto_assignment_turns (user_id, last_assigned_at) values (v_assignee, clock_timestamp())
		on conflict (user_id) do update set last_assigned_at = excluded.last_assigned_at;
	end if;
	return new;
end;
$$;

create trigger feedback_items_prepare before insert on public.feedback_items
	for each row execute function private.prepare_feedback_item();

-- The workflow, for every writer (staff, service role, migrations): allowed transitions only, the texts
-- some of them require, reopen counting, the client's "not resolved" answer, and the version bump.
create function private.apply_feedback_workflow() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_transition public.feedback_status_transitions;
	v_original public.feedback_items;
begin
	-- The client answered "not resolved" on the tracking page: the item goes back to work.
	if new.resolution_satisfied is false and old.resolution_satisfied is null and new.status = old.status
		and old.status in ('resolved', 'closed') then
		new.status := 'in_progress';
		new.resolved_at := null;
		new.reopen_count := old.reopen_count + 1;
	elsif new.status is distinct from old.status then
		select * into v_transition from public.feedback_status_transitions
		where from_status = old.status and to_status = new.status;
		if not found then
			raise exception 'a feedback item cannot go from % to %', old.status, new.status
				using errcode = '23514', hint = 'feedback_status_transitions lists the allowed changes';
		end if;
		if v_transition.is_reopen then
			new.reopen_count := old.reopen_count + 1;
		end if;
	end if;

	if new.status = 'resolved' and old.status <> 'resolved' and coalesce(btrim(new.resolution_text), '') = '' then
		raise exception 'resolving needs a resolution text' using errcode = '23514';
	end if;
	if new.status = 'rejected' and old.status <> 'rejected' and coalesce(btrim(new.rejection_reason), '') = '' then
		raise exception 'rejecting needs a reason' using errcode = '23514';
	end if;
	if new.status = 'duplicate' and old.status <> 'duplicate' then
		if new.duplicate_of_id is null then
			raise exception 'a duplicate needs the item it duplicates' using errcode = '23514';
		end if;
		select * into v_original from public.feedback_items where id = new.duplicate_of_id;
		if v_original.status = 'duplicate' then
			raise exception 'link the duplicate to the original item, not to another duplicate' using errcode = '23514';
		end if;
	end if;
	if new.status <> 'duplicate' and new.duplicate_of_id is not null and old.duplicate_of_id is distinct from new.duplicate_of_id then
		raise exception 'only a duplicate links to an original' using errcode = '23514';
	end if;
	if new.assignee_id is distinct from old.assignee_id and new.assignee_id is not null
		and not exists (select 1 from public.staff_members where user_id = new.assignee_id and active) then
		raise exception 'items are assigned to active staff members only' using errcode = '23514';
	end if;

	if (new.status, new.priority, new.category, new.assignee_id, new.client_id, new.contract_id, new.rejection_reason,
		new.resolution_text, new.duplicate_of_id, new.resolution_satisfied, new.subject, new.description)
		is distinct from
		(old.status, old.priority, old.category, old.assignee_id, old.client_id, old.contract_id, old.rejection_reason,
		old.resolution_text, old.duplicate_of_id, old.resolution_satisfied, old.subject, old.description) then
		new.version := old.version + 1;
	end if;
	if new.subject is distinct from old.subject or new.description is distinct from old.description then
		new.search_document := private.feedback_search_document(new.subject, new.description, new.id);
	end if;
	return new;
end;
$$;

-- Runs before feedback_items_track_resolution (trigger order is by name), which then sets resolved_at.
create trigger feedback_items_apply_workflow before update on public.feedback_items
	for each row execute function private.apply_feedback_workflow();

-- The events a new item starts with.
create function private.log_feedback_item_created() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_actor uuid := (select auth.uid());
begin
	insert into public.feedback_item_events (feedback_item_id, kind, actor_id, occurred_at, to_status)
	values (new.id, 'created', v_actor, new.created_at, new.status);
	if new.assignee_id is not null then
		insert into public.feedback_item_events (feedback_item_id, kind, actor_id, occurred_at, details)
		values (new.id, 'assigned', v_actor, new.created_at,
			jsonb_build_object('assignee', jsonb_build_object('from', null, 'to', new.assignee_id), 'automatic', v_actor is null));
	end if;
	return null;
end;
$$;

create trigger feedback_items_log_created after insert on public.feedback_items
	for each row execute function private.log_feedback_item_created();

-- One event per kind of change an update made.
create function private.log_feedback_item_changes() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_actor uuid := (select auth.uid());
	v_triage jsonb := '{}'::jsonb;
begin
	if new.resolution_satisfied is distinct from old.resolution_satisfied and new.resolution_satisfied is not null then
		insert into public.feedback_item_events (feedback_item_id, kind, actor_id, details)
		values (new.id, 'client_resolution_answer', null, jsonb_build_object('satisfied', new.resolution_satisfied));
	end if;
	if new.status is distinct from old.status then
		insert into public.feedback_item_events (feedback_item_id, kind, actor_id, from_status, to_status, details)
		values (new.id, 'status_changed', case when new.resolution_satisfied is distinct from old.resolution_satisfied then null else v_actor end,
			old.status, new.status,
			jsonb_strip_nulls(jsonb_build_object(
				'reason', case when new.status = 'rejected' then new.rejection_reason end,
				'resolution', case when new.status = 'resolved' then new.resolution_text end,
				'duplicate_of_id', case when new.status = 'duplicate' then new.duplicate_of_id end,
				'reopened_by_client', case when new.resolution_satisfied is distinct from old.resolution_satisfied then true end
			)));
		if new.status = 'duplicate' and new.duplicate_of_id is not null then
			insert into public.feedback_item_events (feedback_item_id, kind, actor_id, details)
			values (new.duplicate_of_id, 'merged', v_actor, jsonb_build_object('duplicate_id', new.id, 'subject', new.subject));
		end if;
	end if;
	if new.priority is distinct from old.priority then
		v_triage := v_triage || jsonb_build_object('priority', jsonb_build_object('from', old.priority, 'to', new.priority));
	end if;
	if new.category is distinct from old.category then
		v_triage := v_triage || jsonb_build_object('category', jsonb_build_object('from', old.category, 'to', new.category));
	end if;
	if v_triage <> '{}'::jsonb then
		insert into public.feedback_item_events (feedback_item_id, kind, actor_id, details) values (new.id, 'triaged', v_actor, v_triage);
	end if;
	if new.assignee_id is distinct from old.assignee_id then
		insert into public.feedback_item_events (feedback_item_id, kind, actor_id, details)
		values (new.id, 'assigned', v_actor, jsonb_build_object('assignee', jsonb_build_object('from', old.assignee_id, 'to', new.assignee_id)));
	end if;
	return null;
end;
$$;

create trigger feedback_items_log_changes after update on public.feedback_items
	for each row execute function private.log_feedback_item_changes();

-- A message: its event, the item's version (a reply is a change others must see) and search document.
create function private.log_feedback_message() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	update public.feedback_items as item
	set version = item.version + 1,
		search_document = coalesce(item.search_document, ''::tsvector)
			|| setweight(to_tsvector('public.spanish_unaccent', new.body), 'C')
	where item.id = new.feedback_item_id;
	insert into public.feedback_item_events (feedback_item_id, kind, actor_id, occurred_at, message_id)
	values (
		new.feedback_item_id,
		case when new.author_id is null and new.is_public then 'client_message'
			when new.is_public then 'public_reply' else 'internal_note' end::public.feedback_event_kind,
		new.author_id, new.created_at, new.id
	);
	return null;
end;
$$;

create trigger feedback_messages_log after insert on public.feedback_messages
	for each row execute function private.log_feedback_message();

-- Events that move a clock refresh the item's deadline cache.
create function private.refresh_deadlines_after_event() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform private.refresh_feedback_item_deadlines(new.feedback_item_id);
	return null;
end;
$$;

create trigger feedback_item_events_refresh_deadlines after insert on public.feedback_item_events
	for each row when (new.kind in ('created', 'status_changed', 'public_reply', 'triaged'))
	execute function private.refresh_deadlines_after_event();

-- The log is append-only: no one rewrites what happened (deleting an item still takes its events along).
create function private.forbid_rewrite() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	raise exception '% is append-only', tg_table_name using errcode = '42501';
end;
$$;

create trigger feedback_item_events_append_only before update on public.feedback_item_events
	for each row execute function private.forbid_rewrite();

-- A requirement documented from an item: same client, and the item's timeline says so.
create function private.link_requirement_to_feedback() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not exists (select 1 from public.feedback_items where id = new.feedback_item_id and client_id = new.client_id) then
		raise exception 'a requirement links only to feedback of its own client' using errcode = '23514';
	end if;
	insert into public.feedback_item_events (feedback_item_id, kind, actor_id, details)
	values (new.feedback_item_id, 'requirement_linked', (select auth.uid()), jsonb_build_object('requirement_id', new.id));
	return null;
end;
$$;

create trigger requirements_link_feedback after insert or update of feedback_item_id on public.requirements
	for each row when (new.feedback_item_id is not null) execute function private.link_requirement_to_feedback();

-- The audit trail. tg_argv[0] names the primary key column. Columns that are caches or secrets are left
-- out: a row whose only change is one of those (a deadline refresh, a version bump) leaves no audit row.
create function private.record_audit() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_skipped text[] := array[
		'updated_at', 'version', 'search_document', 'sla_first_response_due_at', 'sla_resolution_due_at',
		'sla_next_due_at', 'sla_due_soon_at', 'token_hash', 'submission_hash', 'resolution_submission_hash'
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

create trigger clients_audit after insert or update or delete on public.clients
	for each row execute function private.record_audit('id');
create trigger contracts_audit after insert or update or delete on public.contracts
	for each row execute function private.record_audit('id');
create trigger requirements_audit after insert or update or delete on public.requirements
	for each row execute function private.record_audit('id');
create trigger surveys_audit after insert or update or delete on public.surveys
	for each row execute function private.record_audit('id');
create trigger survey_invitations_audit after insert or update or delete on public.survey_invitations
	for each row execute function private.record_audit('id');
create trigger feedback_items_audit after insert or update or delete on public.feedback_items
	for each row execute function private.record_audit('id');
create trigger feedback_messages_audit after insert or update or delete on public.feedback_messages
	for each row execute function private.record_audit('id');
create trigger staff_members_audit after insert or update or delete on public.staff_members
	for each row execute function private.record_audit('user_id');
create trigger sla_targets_audit after insert or update or delete on public.sla_targets
	for each row execute function private.record_audit('priority');
create trigger business_calendar_audit after insert or update or delete on public.business_calendar
	for each row execute function private.record_audit('id');
create trigger business_holidays_audit after insert or update or delete on public.business_holidays
	for each row execute function private.record_audit('holiday_date');
create trigger triage_settings_audit after insert or update or delete on public.triage_settings
	for each row execute function private.record_audit('id');
create trigger staff_availability_audit after insert or update or delete on public.staff_availability
	for each row execute function private.record_audit('user_id');

create trigger audit_log_append_only before update or delete on public.audit_log
	for each row execute function private.forbid_rewrite();
create trigger audit_log_no_truncate before truncate on public.audit_log
	for each statement execute function private.forbid_rewrite();

-- ============================================================================
-- RLS policies
-- ============================================================================

alter table public.feedback_item_events enable row level security;
alter table public.feedback_status_transitions enable row level security;
alter table public.sla_targets enable row level security;
alter table public.business_calendar enable row level security;
alter table public.business_holidays enable row level security;
alter table public.triage_settings enable row level security;
alter table public.staff_availability enable row level security;
alter table public.audit_log enable row level security;
alter table private.auto_assignment_turns enable row level security;

-- The sub-select sees feedback_items through its own policies (account managers: their clients only).
create policy "Staff can read the events of feedback they can read" on public.feedback_item_events
	for select to authenticated
	using (exists (select 1 from public.feedback_items as item where item.id = feedback_item_id));

create policy "Active staff can read the status transitions" on public.feedback_status_transitions
	for select to authenticated
	using ((select private.current_staff_role()) is not null);

create policy "Active staff can read the deadline targets" on public.sla_targets
	for select to authenticated
	using ((select private.current_staff_role()) is not null);

create policy "Admins can change the deadline targets" on public.sla_targets
	for update to authenticated
	using ((select private.has_staff_role('admin')))
	with check ((select private.has_staff_role('admin')));

create policy "Active staff can read the business calendar" on public.business_calendar
	for select to authenticated
	using ((select private.current_staff_role()) is not null);

create policy "Admins can change the business calendar" on public.business_calendar
	for update to authenticated
	using ((select private.has_staff_role('admin')))
	with check ((select private.has_staff_role('admin')));

create policy "Active staff can read the holidays" on public.business_holidays
	for select to authenticated
	using ((select private.current_staff_role()) is not null);

create policy "Admins can add holidays" on public.business_holidays
	for insert to authenticated
	with check ((select private.has_staff_role('admin')));

create policy "Admins can edit holidays" on public.business_holidays
	for update to authenticated
	using ((select private.has_staff_role('admin')))
	with check ((select private.has_staff_role('admin')));

create policy "Admins can remove holidays" on public.business_holidays
	for delete to authenticated
	using ((select private.has_staff_role('admin')));

create policy "Active staff can read the triage settings" on public.triage_settings
	for select to authenticated
	using ((select private.current_staff_role()) is not null);

create policy "Admins can change the triage settings" on public.triage_settings
	for update to authenticated
	using ((select private.has_staff_role('admin')))
	with check ((select private.has_staff_role('admin')));

create policy "Active staff can read who is absent" on public.staff_availability
	for select to authenticated
	using ((select private.current_staff_role()) is not null);

create policy "Staff can mark themselves absent, admins anyone" on public.staff_availability
	for insert to authenticated
	with check (
		((select private.current_staff_role()) is not null and user_id = (select auth.uid()))
		or (select private.has_staff_role('admin'))
	);

create policy "Staff can change their own absence, admins anyone's" on public.staff_availability
	for update to authenticated
	using (
		((select private.current_staff_role()) is not null and user_id = (select auth.uid()))
		or (select private.has_staff_role('admin'))
	)
	with check (
		((select private.current_staff_role()) is not null and user_id = (select auth.uid()))
		or (select private.has_staff_role('admin'))
	);

create policy "Admins can remove absence records" on public.staff_availability
	for delete to authenticated
	using ((select private.has_staff_role('admin')));

create policy "Admins and quality can read the audit trail" on public.audit_log
	for select to authenticated
	using ((select private.has_staff_role('admin', 'quality')));

-- ============================================================================
-- public functions (security invoker: RLS decides what each caller sees)
-- ============================================================================

-- Both clocks of an item at p_now, for the item page to explain in words. Empty if the caller cannot
-- read the item.
create function public.feedback_item_deadlines(p_item_id uuid, p_now timestamptz default now())
returns table (
	clock text, target_minutes integer, elapsed_minutes numeric, remaining_minutes numeric, paused_minutes numeric,
	due_at timestamptz, breached_at timestamptz, stopped_at timestamptz, state text
)
language sql
stable
security invoker
set search_path = ''
as $$
	select clocks.*
	from public.feedback_items as item
	cross join lateral private.deadline_clocks(item.id, p_now) as clocks
	where item.id = p_item_id
$$;

-- One word for an item at p_now: the state of its most pressing running clock (overdue, due_soon,
-- on_time), else paused, else breached if either clock was, else met. Null if the caller cannot read it.
create function public.feedback_item_deadline_state(p_item_id uuid, p_now timestamptz default now()) returns text
language sql
stable
security invoker
set search_path = ''
as $$
	select case
		when bool_or(state = 'overdue') then 'overdue'
		when bool_or(state = 'due_soon') then 'due_soon'
		when bool_or(state = 'on_time') then 'on_time'
		when bool_or(state = 'paused') then 'paused'
		when bool_or(state = 'breached') then 'breached'
		when bool_or(state = 'met') then 'met'
	end
	from public.feedback_item_deadlines(p_item_id, p_now)
$$;

-- The deadline state the inbox shows for a row, from the cache (same words as above).
create function private.cached_deadline_state(
	p_status public.feedback_status, p_next_due_at timestamptz, p_due_soon_at timestamptz, p_now timestamptz
) returns text
language sql
stable
set search_path = ''
as $$
	select case
		when p_status = 'waiting_client' then 'paused'
		when p_status not in ('new', 'triaged', 'in_progress') or p_next_due_at is null then null
		when p_next_due_at <= p_now then 'overdue'
		when p_due_soon_at <= p_now then 'due_soon'
		else 'on_time'
	end
$$;

-- One page of the inbox. p_filters (all optional, combined with "and"):
--   view: open (default) | all | new | mine | unassigned | due_today | overdue | waiting_client | awaiting_answer
--   kind, status, priority, category, client_id, assignee ('me' | 'none' | a staff uuid),
--   deadline ('on_time' | 'due_soon' | 'overdue'), created_from, created_to (dates, inclusive), q (search text)
-- Order: soonest deadline first for the due_today, overdue and deadline filters, else newest first.
-- p_after is the last row of the previous page ({"created_at", "id"} or {"due_at", "id"}): keyset, never offset.
create function public.inbox_items(
	p_filters jsonb default '{}'::jsonb, p_after jsonb default null, p_limit integer default 50, p_now timestamptz default now()
)
returns table (
	id uuid, kind public.feedback_kind, status public.feedback_status, priority public.feedback_priority, category text,
	subject text, client_id uuid, client_name text, assignee_id uuid, assignee_name text, created_at timestamptz,
	updated_at timestamptz, due_at timestamptz, deadline_state text, business_minutes_left numeric, reopen_count integer,
	version integer
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	v_view text := coalesce(nullif(p_filters ->> 'view', ''), 'open');
	v_deadline text := nullif(p_filters ->> 'deadline', '');
	v_by_due boolean;
	v_where text[] := array['true'];
	v_order text;
	v_sql text;
	v_limit integer := least(greatest(coalesce(p_limit, 50), 1), 200);
	v_time_zone text := (select calendar.time_zone from public.business_calendar as calendar where calendar.id = 1);
	v_open text := $s$item.status in ('new', 'triaged', 'in_progress', 'waiting_client')$s$;
begin
	v_by_due := v_view in ('due_today', 'overdue') or v_deadline is not null;
	v_where := v_where || case v_view
		when 'all' then 'true'
		when 'open' then v_open
		when 'new' then $s$item.status = 'new'$s$
		when 'mine' then v_open || ' and item.assignee_id = (select auth.uid())'
		when 'unassigned' then v_open || ' and item.assignee_id is null'
		when 'due_today' then 'item.sla_next_due_at > $1 and item.sla_next_due_at < '
			|| '((($1 at time zone $2)::date + 1)::timestamp at time zone $2)'
		when 'overdue' then 'item.sla_next_due_at <= $1'
		when 'waiting_client' then $s$item.status = 'waiting_client'$s$
		when 'awaiting_answer' then $s$item.status = 'resolved' and item.resolution_satisfied is null$s$
		else 'false'
	end;
	if nullif(p_filters ->> 'kind', '') is not null then
		v_where := v_where || format('item.kind = %L::public.feedback_kind', p_filters ->> 'kind');
	end if;
	if nullif(p_filters ->> 'status', '') is not null then
		v_where := v_where || format('item.status = %L::public.feedback_status', p_filters ->> 'status');
	end if;
	if nullif(p_filters ->> 'priority', '') is not null then
		v_where := v_where || format('item.priority = %L::public.feedback_priority', p_filters ->> 'priority');
	end if;
	if nullif(p_filters ->> 'category', '') is not null then
		v_where := v_where || format('item.category = %L', p_filters ->> 'category');
	end if;
	if nullif(p_filters ->> 'client_id', '') is not null then
		v_where := v_where || format('item.client_id = %L::uuid', p_filters ->> 'client_id');
	end if;
	v_where := v_where || case
		when nullif(p_filters ->> 'assignee', '') is null then 'true'
		when p_filters ->> 'assignee' = 'me' then 'item.assignee_id = (select auth.uid())'
		when p_filters ->> 'assignee' = 'none' then 'item.assignee_id is null'
		else format('item.assignee_id = %L::uuid', p_filters ->> 'assignee')
	end;
	v_where := v_where || case v_deadline
		when 'overdue' then 'item.sla_next_due_at <= $1'
		when 'due_soon' then 'item.sla_next_due_at > $1 and item.sla_due_soon_at <= $1'
		when 'on_time' then 'item.sla_next_due_at > $1 and item.sla_due_soon_at > $1'
		else 'true'
	end;
	if nullif(p_filters ->> 'created_from', '') is not null then
		v_where := v_where || format('item.created_at >= (%L::date::timestamp at time zone $2)', p_filters ->> 'created_from');
	end if;
	if nullif(p_filters ->> 'created_to', '') is not null then
		v_where := v_where || format('item.created_at < ((%L::date + 1)::timestamp at time zone $2)', p_filters ->> 'created_to');
	end if;
	if nullif(btrim(p_filters ->> 'q'), '') is not null then
		v_where := v_where || format('item.search_document @@ private.feedback_search_query(%L)', p_filters ->> 'q');
	end if;
	if p_after is not null then
		v_where := v_where || case
			when v_by_due then format('(item.sla_next_due_at, item.id) > (%L::timestamptz, %L::uuid)', p_after ->> 'due_at', p_after ->> 'id')
			else format('(item.created_at, item.id) < (%L::timestamptz, %L::uuid)', p_after ->> 'created_at', p_after ->> 'id')
		end;
	end if;
	v_order := case when v_by_due then 'item.sla_next_due_at, item.id' else 'item.created_at desc, item.id desc' end;

	v_sql := format(
		$s$select item.id, item.kind, item.status, item.priority, item.category, item.subject, item.client_id,
			client.name, item.assignee_id, assignee.full_name, item.created_at, item.updated_at, item.sla_next_due_at,
			private.cached_deadline_state(item.status, item.sla_next_due_at, item.sla_due_soon_at, $1),
			case when item.sla_next_due_at > $1 then round(private.business_minutes_between($1, item.sla_next_due_at))
				when item.sla_next_due_at is not null then -round(private.business_minutes_between(item.sla_next_due_at, $1)) end,
			item.reopen_count, item.version
		from (
			select item.* from public.feedback_items as item where %s order by %s limit %s
		) as item
		left join public.clients as client on client.id = item.client_id
		left join public.staff_members as assignee on assignee.user_id = item.assignee_id
		order by %s$s$,
		array_to_string(v_where, ' and '), v_order, v_limit, v_order
	);
	return query execute v_sql using p_now, v_time_zone;
end;
$$;

-- The live counts of the inbox's ready-made views, for the caller (RLS decides what is counted).
create function public.inbox_counts(p_now timestamptz default now()) returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
	with calendar as (select time_zone from public.business_calendar where id = 1),
	end_of_today as (select (((p_now at time zone calendar.time_zone)::date + 1)::timestamp at time zone calendar.time_zone) as at from calendar)
	select jsonb_build_object(
		'open', count(*) filter (where item.status <> 'resolved'),
		'new', count(*) filter (where item.status = 'new'),
		'mine', count(*) filter (where item.status <> 'resolved' and item.assignee_id = (select auth.uid())),
		'unassigned', count(*) filter (where item.status <> 'resolved' and item.assignee_id is null),
		'due_today', count(*) filter (where item.sla_next_due_at > p_now and item.sla_next_due_at < (select at from end_of_today)),
		'overdue', count(*) filter (where item.sla_next_due_at <= p_now),
		'waiting_client', count(*) filter (where item.status = 'waiting_client'),
		'awaiting_answer', count(*) filter (where item.status = 'resolved' and item.resolution_satisfied is null)
	)
	from public.feedback_items as item
	where item.status in ('new', 'triaged', 'in_progress', 'waiting_client', 'resolved')
$$;

-- A reply or an internal note, written only if the item is still at the version the writer saw.
-- Answers {"outcome": "ok", "version"} or {"outcome": "stale", "version"} (nothing written), or
-- {"outcome": "not_found"} when the caller cannot see the item.
create function public.add_feedback_message(p_item_id uuid, p_body text, p_is_public boolean, p_expected_version integer)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
	v_version integer;
begin
	select item.version into v_version from public.feedback_items as item where item.id = p_item_id for update;
	if not found then
		return jsonb_build_object('outcome', 'not_found');
	end if;
	if v_version <> p_expected_version then
		return jsonb_build_object('outcome', 'stale', 'version', v_version);
	end if;
	insert into public.feedback_messages (feedback_item_id, body, is_public) values (p_item_id, btrim(p_body), coalesce(p_is_public, false));
	return jsonb_build_object('outcome', 'ok', 'version', (select item.version from public.feedback_items as item where item.id = p_item_id));
end;
$$;

-- Likely duplicates of an item: same client, similar subject (trigram similarity), created within 14 days.
create function public.feedback_duplicate_candidates(p_item_id uuid, p_limit integer default 5)
returns table (id uuid, subject text, status public.feedback_status, created_at timestamptz, similarity real)
language sql
stable
security invoker
set search_path = ''
as $$
	select other.id, other.subject, other.status, other.created_at, extensions.similarity(other.subject, item.subject)
	from public.feedback_items as item
	join public.feedback_items as other
		on other.client_id = item.client_id
		and other.id <> item.id
		and other.status <> 'duplicate'
		and other.created_at between item.created_at - interval '14 days' and item.created_at + interval '14 days'
	where item.id = p_item_id and extensions.similarity(other.subject, item.subject) >= 0.3
	order by 5 desc, other.created_at desc
	limit least(greatest(coalesce(p_limit, 5), 1), 20)
$$;

-- Documents a suggestion (or complaint) as a requirement of its client; the requirement links back.
create function public.create_requirement_from_feedback(p_item_id uuid, p_statement text, p_priority public.requirement_priority)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
	v_item public.feedback_items;
	v_id uuid;
begin
	select * into v_item from public.feedback_items as item where item.id = p_item_id;
	if not found or v_item.client_id is null then
		raise exception 'the item has no client to document a requirement for' using errcode = '22023';
	end if;
	insert into public.requirements (client_id, contract_id, statement, priority, source, feedback_item_id)
	values (v_item.client_id, v_item.contract_id, btrim(p_statement), coalesce(p_priority, 'medium'),
		case when v_item.kind = 'complaint' then 'complaint' else 'suggestion' end::public.requirement_source, v_item.id)
	returning requirements.id into v_id;
	return v_id;
end;
$$;

-- ============================================================================
-- grants
-- ============================================================================

revoke all on public.feedback_item_events, public.feedback_status_transitions, public.sla_targets, public.business_calendar,
	public.business_holidays, public.triage_settings, public.staff_availability, public.audit_log
	from anon, authenticated, service_role, public;
revoke all on private.auto_assignment_turns from anon, authenticated, service_role, public;

grant select on public.feedback_item_events, public.feedback_status_transitions, public.sla_targets, public.business_calendar,
	public.business_holidays, public.triage_settings, public.staff_availability, public.audit_log to authenticated;
grant update (first_response_minutes, resolution_minutes) on public.sla_targets to authenticated;
grant update (time_zone, working_days, day_starts_at, day_ends_at) on public.business_calendar to authenticated;
grant insert (holiday_date, name), update (name), delete on public.business_holidays to authenticated;
grant update (auto_assign_categories, auto_assign_open_cap) on public.triage_settings to authenticated;
-- user_id too, so a form can upsert; the policies keep it the caller's own unless an admin acts.
grant insert (user_id, is_absent, note), update (user_id, is_absent, note), delete on public.staff_availability to authenticated;

-- service_role gets nothing here: no server task of this feature uses it (the inbox, the item page and the
-- bench act as a staff member). A later feature that needs it grants it, never update or delete on the
-- audit or the timeline.

grant insert (priority, assignee_id) on public.feedback_items to authenticated;
grant update (priority, assignee_id, duplicate_of_id, rejection_reason, resolution_text) on public.feedback_items to authenticated;
grant insert (feedback_item_id) on public.requirements to authenticated;

revoke execute on function
	private.business_minutes_between(timestamptz, timestamptz),
	private.business_add(timestamptz, numeric),
	private.due_soon_minutes(integer),
	private.deadline_clocks(uuid, timestamptz),
	private.refresh_feedback_item_deadlines(uuid),
	private.refresh_open_item_deadlines(),
	private.feedback_search_document(text, text, uuid),
	private.feedback_search_query(text),
	private.cached_deadline_state(public.feedback_status, timestamptz, timestamptz, timestamptz),
	private.check_business_calendar(),
	private.prepare_feedback_item(),
	private.apply_feedback_workflow(),
	private.log_feedback_item_created(),
	private.log_feedback_item_changes(),
	private.log_feedback_message(),
	private.refresh_deadlines_after_event(),
	private.forbid_rewrite(),
	private.link_requirement_to_feedback(),
	private.record_audit()
from public, anon, authenticated, service_role;

-- What the invoker-rights inbox and deadline functions call on the caller's behalf.
grant execute on function
	private.business_minutes_between(timestamptz, timestamptz),
	private.deadline_clocks(uuid, timestamptz),
	private.feedback_search_query(text),
	private.cached_deadline_state(public.feedback_status, timestamptz, timestamptz, timestamptz)
to authenticated;

revoke execute on function
	public.feedback_item_deadlines(uuid, timestamptz),
	public.feedback_item_deadline_state(uuid, timestamptz),
	public.inbox_items(jsonb, jsonb, integer, timestamptz),
	public.inbox_counts(timestamptz),
	public.add_feedback_message(uuid, text, boolean, integer),
	public.feedback_duplicate_candidates(uuid, integer),
	public.create_requirement_from_feedback(uuid, text, public.requirement_priority)
from public, anon;

grant execute on function
	public.feedback_item_deadlines(uuid, timestamptz),
	public.feedback_item_deadline_state(uuid, timestamptz),
	public.inbox_items(jsonb, jsonb, integer, timestamptz),
	public.inbox_counts(timestamptz),
	public.add_feedback_message(uuid, text, boolean, integer),
	public.feedback_duplicate_candidates(uuid, integer),
	public.create_requirement_from_feedback(uuid, text, public.requirement_priority)
to authenticated;

-- ============================================================================
-- existing rows and realtime
-- ============================================================================

-- Items that predate this migration: their search document, a created event, and their deadline cache.
update public.feedback_items as item
set search_document = private.feedback_search_document(item.subject, item.description, item.id);

insert into public.feedback_item_events (feedback_item_id, kind, occurred_at, to_status)
select item.id, 'created', item.created_at, item.status from public.feedback_items as item
where not exists (select 1 from public.feedback_item_events as event where event.feedback_item_id = item.id);

-- The item page follows its timeline live (Realtime checks RLS per subscriber).
alter publication supabase_realtime add table public.feedback_item_events;
