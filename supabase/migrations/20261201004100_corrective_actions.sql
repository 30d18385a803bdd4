-- Corrective action plans: the loop from a complaint (or an indicator quarter below target, an audit
-- finding, an internal observation) to a verified effectiveness check (ISO 9001 clause 10.2).
--
--   action_plans          the plan: origin, owner, immediate correction, root cause (5 whys, free text,
--                         category), status, the effectiveness check chosen and its verification
--   action_plan_items     the complaints (or suggestions) that feed a plan; many per plan, and the item's
--                         timeline gets an 'action_plan_linked' event
--   action_plan_clients   the clients concerned (a linked item adds its client)
--   action_plan_actions   the actions: description, owner, due date, done date
--   action_plan_transitions  the allowed status changes (the trigger enforces them; the UI reads them)
--
-- Status: open -> in_progress -> actions_done -> verified_effective | not_effective; not_effective ->
-- in_progress, and a new action is then required before actions_done again (adding an action to a
-- not_effective plan moves it back to in_progress by itself).
--
-- The effectiveness check (private.action_plan_check(plan, p_now)), computed from later data:
--   * no_repeat_complaint: no new complaint of the same category (the categories of the linked complaints)
--     from the same client(s) within check_window_days (default 90) after the actions were done;
--   * indicator_next_quarter: the plan's indicator in the quarter after the actions were done meets its
--     target, answered by private.action_plan_indicator_met (the seam the indicators feature fills).
-- Verifying records a date, a person (not the owner while another quality/manager person exists), a note,
-- the check's result at that moment, and, when the verdict differs from the result, a reason.
-- "Verification due": actions_done and verification_due_on reached; computed at read time from p_now.
--
-- Who may do what (active staff only; anon and service_role nothing):
--
--   table                   | select                                        | insert / update / delete
--   ------------------------+-----------------------------------------------+-------------------------------
--   action_plans            | agent, quality, manager, admin: all; account  | quality, manager, admin;
--                           | manager: plans of their clients or their      | delete: admin
--                           | clients' items                                |
--   action_plan_items,      | whoever can read the plan                     | quality, manager, admin
--   action_plan_clients,    |                                               |
--   action_plan_actions     |                                               |
--   action_plan_transitions | every active staff member                     | nobody

-- ============================================================================
-- enums
-- ============================================================================

create type public.action_plan_status as enum ('open', 'in_progress', 'actions_done', 'verified_effective', 'not_effective');

create type public.action_plan_origin as enum ('complaint', 'indicator', 'audit_finding', 'internal_observation');

-- The six Ms of an Ishikawa diagram.
create type public.action_plan_cause as enum ('people', 'method', 'material', 'machine', 'measurement', 'environment');

create type public.action_plan_check_kind as enum ('no_repeat_complaint', 'indicator_next_quarter');

-- ============================================================================
-- tables
-- ============================================================================

create table public.action_plans (
	id uuid primary key default gen_random_uuid(),
	title text not null check (btrim(title) <> '' and char_length(title) <= 200),
	status public.action_plan_status not null default 'open',
	owner_id uuid not null references public.staff_members (user_id),
	origins public.action_plan_origin[] not null check (cardinality(origins) between 1 and 4),
	-- The indicator quarter below target that opened the plan (origin 'indicator'), and the one the
	-- indicator check reads (the quarter after the actions were done).
	indicator text check (indicator in ('cct', 'sc')),
	indicator_quarter date check (indicator_quarter = date_trunc('quarter', indicator_quarter)::date),
	origin_note text check (char_length(origin_note) <= 2000),
	immediate_correction text check (char_length(immediate_correction) <= 4000),
	root_cause_whys text[] not null default '{}' check (cardinality(root_cause_whys) <= 5),
	root_cause_text text check (char_length(root_cause_text) <= 4000),
	cause_category public.action_plan_cause,
	check_kind public.action_plan_check_kind not null default 'no_repeat_complaint',
	check_window_days integer not null default 90 check (check_window_days between 1 and 730),
	-- Set by not_effective; cleared by adding an action. actions_done is refused while it is set.
	needs_new_action boolean not null default false,
	actions_done_at timestamptz,
	verification_due_on date,
	verified_on date,
	verified_by uuid references public.staff_members (user_id),
	verification_note text check (char_length(verification_note) <= 4000),
	-- The computed check's answer when the verdict was given: pass, fail, pending or inconclusive.
	check_result text check (check_result in ('pass', 'fail', 'pending', 'inconclusive')),
	override_reason text check (char_length(override_reason) <= 2000),
	created_by uuid default auth.uid(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint action_plans_indicator_origin check ((indicator is null) = (indicator_quarter is null)),
	constraint action_plans_indicator_check_needs_indicator check (check_kind <> 'indicator_next_quarter' or indicator is not null)
);

create index action_plans_created_at_id_idx on public.action_plans (created_at desc, id desc);
create index action_plans_status_idx on public.action_plans (status, created_at desc, id desc);
create index action_plans_owner_idx on public.action_plans (owner_id, created_at desc, id desc);
create index action_plans_verification_due_idx on public.action_plans (verification_due_on) where status = 'actions_done';

create table public.action_plan_items (
	plan_id uuid not null references public.action_plans (id) on delete cascade,
	feedback_item_id uuid not null references public.feedback_items (id) on delete cascade,
	linked_at timestamptz not null default now(),
	primary key (plan_id, feedback_item_id)
);

create index action_plan_items_item_idx on public.action_plan_items (feedback_item_id);

create table public.action_plan_clients (
	plan_id uuid not null references public.action_plans (id) on delete cascade,
	client_id uuid not null references public.clients (id) on delete cascade,
	primary key (plan_id, client_id)
);

create index action_plan_clients_client_idx on public.action_plan_clients (client_id);

create table public.action_plan_actions (
	id uuid primary key default gen_random_uuid(),
	plan_id uuid not null references public.action_plans (id) on delete cascade,
	description text not null check (btrim(description) <> '' and char_length(description) <= 2000),
	owner_id uuid not null references public.staff_members (user_id),
	due_on date not null,
	done_on date,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index action_plan_actions_plan_idx on public.action_plan_actions (plan_id, due_on);
create index action_plan_actions_open_due_idx on public.action_plan_actions (due_on) where done_on is null;

create table public.action_plan_transitions (
	from_status public.action_plan_status not null,
	to_status public.action_plan_status not null,
	primary key (from_status, to_status)
);

insert into public.action_plan_transitions (from_status, to_status) values
	('open', 'in_progress'), ('in_progress', 'actions_done'), ('actions_done', 'verified_effective'),
	('actions_done', 'not_effective'), ('not_effective', 'in_progress');

-- A requirement documented from a corrective action plan (suggestions link through feedback_item_id).
alter table public.requirements
	add column action_plan_id uuid references public.action_plans (id) on delete set null;

create index requirements_action_plan_id_idx on public.requirements (action_plan_id);

-- ============================================================================
-- helpers
-- ============================================================================

-- The seam for the "next quarter's indicator meets its target" check: null = not known here. The
-- indicators feature (quarterly CCT and SC with targets) points this at its per-quarter figures.
create function private.action_plan_indicator_met(p_indicator text, p_quarter date) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select null::boolean
$$;

revoke execute on function private.action_plan_indicator_met(text, date) from public;

-- The computed effectiveness check of a plan at p_now. Owner's rights: a repeat complaint counts even
-- if the caller cannot read it (only its id is returned).
create function private.action_plan_check(p_plan_id uuid, p_now timestamptz) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	v_plan public.action_plans;
	v_window_end timestamptz;
	v_quarter date;
	v_categories text[];
	v_clients uuid[];
	v_repeats uuid[];
	v_met boolean;
begin
	select * into v_plan from public.action_plans where id = p_plan_id;
	if not found then
		return null;
	end if;
	if v_plan.actions_done_at is null then
		return jsonb_build_object('kind', v_plan.check_kind, 'result', 'not_started');
	end if;
	if v_plan.check_kind = 'no_repeat_complaint' then
		v_window_end := v_plan.actions_done_at + make_interval(days => v_plan.check_window_days);
		select array_agg(distinct item.category) into v_categories
		from public.action_plan_items as link
		join public.feedback_items as item on item.id = link.feedback_item_id
		where link.plan_id = p_plan_id and item.kind = 'complaint';
		select array_agg(client_id) into v_clients from public.action_plan_clients where plan_id = p_plan_id;
		if v_categories is null or v_clients is null then
			return jsonb_build_object('kind', v_plan.check_kind, 'result', 'inconclusive', 'window_starts_at', v_plan.actions_done_at,
				'window_ends_at', v_window_end, 'reason', 'no_complaint_or_client');
		end if;
		select coalesce(array_agg(item.id order by item.created_at), '{}') into v_repeats
		from public.feedback_items as item
		where item.kind = 'complaint'
			and item.client_id = any (v_clients)
			and item.category = any (v_categories)
			and item.created_at > v_plan.actions_done_at
			and item.created_at <= least(v_window_end, p_now)
			and not exists (select 1 from public.action_plan_items as link where link.plan_id = p_plan_id and link.feedback_item_id = item.id);
		return jsonb_build_object(
			'kind', v_plan.check_kind,
			'result', case when cardinality(v_repeats) > 0 then 'fail' when p_now < v_window_end then 'pending' else 'pass' end,
			'window_starts_at', v_plan.actions_done_at,
			'window_ends_at', v_window_end,
			'categories', to_jsonb(v_categories),
			'client_count', cardinality(v_clients),
			'repeat_ids', to_jsonb(v_repeats)
		);
	end if;
	v_quarter := (date_trunc('quarter', v_plan.actions_done_at) + interval '3 months')::date;
	v_window_end := v_quarter + interval '3 months';
	if p_now < v_window_end then
		return jsonb_build_object('kind', v_plan.check_kind, 'result', 'pending', 'quarter', v_quarter, 'window_ends_at', v_window_end);
	end if;
	v_met := private.action_plan_indicator_met(v_plan.indicator, v_quarter);
	return jsonb_build_object(
		'kind', v_plan.check_kind,
		'result', case when v_met then 'pass' when not v_met then 'fail' else 'inconclusive' end,
		'quarter', v_quarter,
		'window_ends_at', v_window_end
	);
end;
$$;

revoke execute on function private.action_plan_check(uuid, timestamptz) from public;

create function private.can_read_action_plan(p_plan_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select private.has_staff_role('agent', 'quality', 'manager', 'admin')
		or (private.has_staff_role('account_manager') and (
			exists (select 1 from public.action_plan_clients as c where c.plan_id = p_plan_id and private.manages_client(c.client_id))
			or exists (
				select 1 from public.action_plan_items as link
				join public.feedback_items as item on item.id = link.feedback_item_id
				where link.plan_id = p_plan_id and private.manages_client(item.client_id)
			)
		))
$$;

revoke execute on function private.can_read_action_plan(uuid) from public;
grant execute on function private.can_read_action_plan(uuid) to authenticated;

-- ============================================================================
-- triggers
-- ============================================================================

create trigger action_plans_set_updated_at before update on public.action_plans
	for each row execute function private.set_updated_at();
create trigger action_plan_actions_set_updated_at before update on public.action_plan_actions
	for each row execute function private.set_updated_at();

create function private.check_action_plan_owner() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' or new.owner_id is distinct from old.owner_id then
		if not exists (select 1 from public.staff_members where user_id = new.owner_id and active
			and role in ('quality', 'manager', 'admin')) then
			raise exception 'a plan''s owner is an active quality, manager or admin staff member' using errcode = '23514';
		end if;
	end if;
	return new;
end;
$$;

revoke execute on function private.check_action_plan_owner() from public;

create trigger action_plans_check_owner before insert or update of owner_id on public.action_plans
	for each row execute function private.check_action_plan_owner();

create function private.apply_action_plan_workflow() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_check jsonb;
	v_effective boolean;
	v_disagrees boolean;
begin
	if tg_op = 'INSERT' then
		if new.status <> 'open' then
			raise exception 'a plan starts open' using errcode = '23514';
		end if;
		return new;
	end if;
	if new.status is not distinct from old.status then
		-- Verification facts are written only together with the verdict.
		if (new.verified_on, new.verified_by, new.verification_note, new.check_result, new.override_reason, new.actions_done_at,
			new.verification_due_on)
			is distinct from
			(old.verified_on, old.verified_by, old.verification_note, old.check_result, old.override_reason, old.actions_done_at,
			old.verification_due_on) then
			raise exception 'verification and completion facts change only with the plan''s status' using errcode = '23514';
		end if;
		if new.status = 'actions_done' and (new.check_kind, new.check_window_days) is distinct from (old.check_kind, old.check_window_days) then
			new.verification_due_on := case new.check_kind
				when 'no_repeat_complaint' then (new.actions_done_at + make_interval(days => new.check_window_days))::date
				else (date_trunc('quarter', new.actions_done_at) + interval '6 months')::date end;
		end if;
		return new;
	end if;
	if not exists (select 1 from public.action_plan_transitions where from_status = old.status and to_status = new.status) then
		raise exception 'a corrective action plan cannot go from % to %', old.status, new.status
			using errcode = '23514', hint = 'action_plan_transitions lists the allowed changes';
	end if;

	if new.status = 'actions_done' then
		if not exists (select 1 from public.action_plan_actions where plan_id = new.id) then
			raise exception 'a plan needs at least one action before its actions are done' using errcode = '23514';
		end if;
		if exists (select 1 from public.action_plan_actions where plan_id = new.id and done_on is null) then
			raise exception 'every action needs a done date before the plan''s actions are done' using errcode = '23514';
		end if;
		if old.needs_new_action then
			raise exception 'a plan found not effective needs a new action first' using errcode = '23514';
		end if;
		new.actions_done_at := now();
		new.verification_due_on := case new.check_kind
			when 'no_repeat_complaint' then (new.actions_done_at + make_interval(days => new.check_window_days))::date
			else (date_trunc('quarter', new.actions_done_at) + interval '6 months')::date end;
		new.verified_on := null;
		new.verified_by := null;
		new.verification_note := null;
		new.check_result := null;
		new.override_reason := null;
	elsif new.status in ('verified_effective', 'not_effective') then
		new.verified_by := coalesce((select auth.uid()), new.verified_by);
		new.verified_on := coalesce(new.verified_on, current_date);
		if new.verified_by is null or not exists (select 1 from public.staff_members where user_id = new.verified_by and active) then
			raise exception 'a verification needs the active staff member who verified' using errcode = '23514';
		end if;
		if coalesce(btrim(new.verification_note), '') = '' then
			raise exception 'a verification needs a note' using errcode = '23514';
		end if;
		if new.verified_by = new.owner_id and exists (
			select 1 from public.staff_members
			where active and role in ('quality', 'manager') and user_id <> new.owner_id
		) then
			raise exception 'the plan''s owner cannot verify it while another quality or manager person exists' using errcode = '23514';
		end if;
		if new.verified_on < old.actions_done_at::date then
			raise exception 'a verification cannot be dated before the actions were done' using errcode = '23514';
		end if;
		v_check := private.action_plan_check(new.id, now());
		new.check_result := v_check ->> 'result';
		v_effective := new.status = 'verified_effective';
		v_disagrees := (v_effective and new.check_result <> 'pass') or (not v_effective and new.check_result = 'pass');
		if v_disagrees and coalesce(btrim(new.override_reason), '') = '' then
			raise exception 'the verdict differs from the computed check (%): give the reason for the override', new.check_result
				using errcode = '23514';
		end if;
		if not v_disagrees then
			new.override_reason := null;
		end if;
		new.needs_new_action := not v_effective;
	elsif new.status = 'in_progress' and old.status = 'not_effective' then
		-- The last verdict stays in the audit trail; the next round starts clean.
		new.actions_done_at := null;
		new.verification_due_on := null;
		new.verified_on := null;
		new.verified_by := null;
		new.verification_note := null;
		new.check_result := null;
		new.override_reason := null;
	end if;
	return new;
end;
$$;

revoke execute on function private.apply_action_plan_workflow() from public;

create trigger action_plans_apply_workflow before insert or update on public.action_plans
	for each row execute function private.apply_action_plan_workflow();

-- A new action on a plan found not effective is the new action it needed: back to work.
create function private.action_added_to_plan() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if exists (select 1 from public.action_plans where id = new.plan_id and status in ('actions_done', 'verified_effective')) then
		raise exception 'a plan whose actions are done takes no new action' using errcode = '23514';
	end if;
	-- needs_new_action is no API column (no grant): only this trigger and the verdict change it.
	update public.action_plans
	set needs_new_action = false, status = case when status in ('not_effective', 'open') then 'in_progress' else status end
	where id = new.plan_id;
	return null;
end;
$$;

revoke execute on function private.action_added_to_plan() from public;

create trigger action_plan_actions_added after insert on public.action_plan_actions
	for each row execute function private.action_added_to_plan();

-- A linked item adds its client to the plan and says so on its timeline.
create function private.link_item_to_action_plan() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_client uuid;
begin
	select client_id into v_client from public.feedback_items where id = new.feedback_item_id;
	if v_client is not null then
		insert into public.action_plan_clients (plan_id, client_id) values (new.plan_id, v_client) on conflict do nothing;
	end if;
	insert into public.feedback_item_events (feedback_item_id, kind, actor_id, details)
	select new.feedback_item_id, 'action_plan_linked', (select auth.uid()), jsonb_build_object('plan_id', plan.id, 'title', plan.title)
	from public.action_plans as plan where plan.id = new.plan_id;
	return null;
end;
$$;

revoke execute on function private.link_item_to_action_plan() from public;

create trigger action_plan_items_link after insert on public.action_plan_items
	for each row execute function private.link_item_to_action_plan();

create trigger action_plans_audit after insert or update or delete on public.action_plans
	for each row execute function private.record_audit('id');
create trigger action_plan_actions_audit after insert or update or delete on public.action_plan_actions
	for each row execute function private.record_audit('id');
create trigger action_plan_items_audit after insert or update or delete on public.action_plan_items
	for each row execute function private.record_audit('plan_id');
create trigger action_plan_clients_audit after insert or update or delete on public.action_plan_clients
	for each row execute function private.record_audit('plan_id');

-- ============================================================================
-- RLS policies
-- ============================================================================

alter table public.action_plans enable row level security;
alter table public.action_plan_items enable row level security;
alter table public.action_plan_clients enable row level security;
alter table public.action_plan_actions enable row level security;
alter table public.action_plan_transitions enable row level security;

create policy "Staff can read the plans that concern what they can see" on public.action_plans
	for select to authenticated
	using ((select private.can_read_action_plan(id)));

create policy "Quality, managers and admins can create plans" on public.action_plans
	for insert to authenticated
	with check ((select private.has_staff_role('quality', 'manager', 'admin')));

create policy "Quality, managers and admins can edit plans" on public.action_plans
	for update to authenticated
	using ((select private.has_staff_role('quality', 'manager', 'admin')))
	with check ((select private.has_staff_role('quality', 'manager', 'admin')));

create policy "Admins can delete plans" on public.action_plans
	for delete to authenticated
	using ((select private.has_staff_role('admin')));

create policy "Staff can read the items of plans they can read" on public.action_plan_items
	for select to authenticated
	using ((select private.can_read_action_plan(plan_id)));

-- The item must be one the person can read (the sub-select goes through feedback_items' own policies).
create policy "Quality, managers and admins can link items they can read to plans" on public.action_plan_items
	for insert to authenticated
	with check (
		(select private.has_staff_role('quality', 'manager', 'admin'))
		and exists (select 1 from public.feedback_items as item where item.id = feedback_item_id)
	);

create policy "Quality, managers and admins can unlink items from plans" on public.action_plan_items
	for delete to authenticated
	using ((select private.has_staff_role('quality', 'manager', 'admin')));

create policy "Staff can read the clients of plans they can read" on public.action_plan_clients
	for select to authenticated
	using ((select private.can_read_action_plan(plan_id)));

create policy "Quality, managers and admins can add clients to plans" on public.action_plan_clients
	for insert to authenticated
	with check ((select private.has_staff_role('quality', 'manager', 'admin')));

create policy "Quality, managers and admins can remove clients from plans" on public.action_plan_clients
	for delete to authenticated
	using ((select private.has_staff_role('quality', 'manager', 'admin')));

create policy "Staff can read the actions of plans they can read" on public.action_plan_actions
	for select to authenticated
	using ((select private.can_read_action_plan(plan_id)));

create policy "Quality, managers and admins can add actions" on public.action_plan_actions
	for insert to authenticated
	with check ((select private.has_staff_role('quality', 'manager', 'admin')));

create policy "Quality, managers and admins can edit actions" on public.action_plan_actions
	for update to authenticated
	using ((select private.has_staff_role('quality', 'manager', 'admin')))
	with check ((select private.has_staff_role('quality', 'manager', 'admin')));

create policy "Quality, managers and admins can remove actions" on public.action_plan_actions
	for delete to authenticated
	using ((select private.has_staff_role('quality', 'manager', 'admin')));

create policy "Active staff can read the plan transitions" on public.action_plan_transitions
	for select to authenticated
	using ((select private.current_staff_role()) is not null);

-- ============================================================================
-- public functions (security invoker: RLS decides what each caller sees)
-- ============================================================================

-- The computed effectiveness check of a plan the caller can read (null otherwise). Owner's rights to
-- count repeats the caller may not read; can_read_action_plan is the gate.
create function public.action_plan_check(p_plan_id uuid, p_now timestamptz default now()) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	select private.action_plan_check(p_plan_id, p_now) where private.can_read_action_plan(p_plan_id)
$$;

-- One page of plans, newest first (keyset on created_at, id), with the list's filters.
create function public.action_plans_page(
	p_status public.action_plan_status default null,
	p_owner uuid default null,
	p_origin public.action_plan_origin default null,
	p_overdue boolean default false,
	p_verification_due boolean default false,
	p_after_created_at timestamptz default null,
	p_after_id uuid default null,
	p_limit integer default 25,
	p_now timestamptz default now()
)
returns table (
	id uuid, title text, status public.action_plan_status, owner_id uuid, owner_name text, origins public.action_plan_origin[],
	created_at timestamptz, open_actions integer, overdue_actions integer, verification_due_on date, verification_due boolean
)
language sql
stable
set search_path = ''
as $$
	select plan.id, plan.title, plan.status, plan.owner_id, owner.full_name, plan.origins, plan.created_at,
		counts.open_actions, counts.overdue_actions, plan.verification_due_on,
		plan.status = 'actions_done' and plan.verification_due_on <= p_now::date
	from public.action_plans as plan
	left join public.staff_members as owner on owner.user_id = plan.owner_id
	cross join lateral (
		select count(*) filter (where action.done_on is null)::integer as open_actions,
			count(*) filter (where action.done_on is null and action.due_on < p_now::date)::integer as overdue_actions
		from public.action_plan_actions as action where action.plan_id = plan.id
	) as counts
	where (p_status is null or plan.status = p_status)
		and (p_owner is null or plan.owner_id = p_owner)
		and (p_origin is null or p_origin = any (plan.origins))
		and (not p_overdue or counts.overdue_actions > 0)
		and (not p_verification_due or (plan.status = 'actions_done' and plan.verification_due_on <= p_now::date))
		and (p_after_created_at is null or (plan.created_at, plan.id) < (p_after_created_at, p_after_id))
	order by plan.created_at desc, plan.id desc
	limit least(greatest(p_limit, 1), 100)
$$;

-- What the inbox and the home page show: plans whose verification is due, plans with overdue actions.
create function public.action_plan_counts(p_now timestamptz default now()) returns jsonb
language sql
stable
set search_path = ''
as $$
	select jsonb_build_object(
		'verification_due', count(*) filter (where plan.status = 'actions_done' and plan.verification_due_on <= p_now::date),
		'overdue_actions', count(*) filter (where exists (
			select 1 from public.action_plan_actions as action
			where action.plan_id = plan.id and action.done_on is null and action.due_on < p_now::date
		))
	)
	from public.action_plans as plan
$$;

-- ============================================================================
-- grants
-- ============================================================================

revoke all on public.action_plans, public.action_plan_items, public.action_plan_clients, public.action_plan_actions,
	public.action_plan_transitions from anon, authenticated, service_role, public;

grant select, delete on public.action_plans, public.action_plan_items, public.action_plan_clients, public.action_plan_actions
	to authenticated;
grant select on public.action_plan_transitions to authenticated;

grant insert (id, title, owner_id, origins, indicator, indicator_quarter, origin_note, immediate_correction, root_cause_whys,
	root_cause_text, cause_category, check_kind, check_window_days) on public.action_plans to authenticated;
grant update (title, status, owner_id, origins, indicator, indicator_quarter, origin_note, immediate_correction, root_cause_whys,
	root_cause_text, cause_category, check_kind, check_window_days, verified_on, verification_note, override_reason)
	on public.action_plans to authenticated;
grant insert (plan_id, feedback_item_id) on public.action_plan_items to authenticated;
grant insert (plan_id, client_id) on public.action_plan_clients to authenticated;
grant insert (id, plan_id, description, owner_id, due_on, done_on) on public.action_plan_actions to authenticated;
grant update (description, owner_id, due_on, done_on) on public.action_plan_actions to authenticated;

grant insert (action_plan_id) on public.requirements to authenticated;
grant update (action_plan_id) on public.requirements to authenticated;

revoke execute on function public.action_plan_check(uuid, timestamptz) from public, anon;
grant execute on function public.action_plan_check(uuid, timestamptz) to authenticated;
revoke execute on function public.action_plans_page(public.action_plan_status, uuid, public.action_plan_origin, boolean, boolean,
	timestamptz, uuid, integer, timestamptz) from public, anon;
grant execute on function public.action_plans_page(public.action_plan_status, uuid, public.action_plan_origin, boolean, boolean,
	timestamptz, uuid, integer, timestamptz) to authenticated;
revoke execute on function public.action_plan_counts(timestamptz) from public, anon;
grant execute on function public.action_plan_counts(timestamptz) to authenticated;
