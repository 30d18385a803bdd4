-- Corrective action plans in the figures (ISO 9001 9.3.2: "the status of corrective actions"): the
-- dashboard's open plans and the management review's plans opened, verified effective, judged not effective
-- and still open from earlier quarters. Caller's rights: each person counts the plans RLS lets them read
-- (account managers, their clients' plans).

create function public.action_plan_statistics(p_first_day date, p_end_day date) returns jsonb
language sql
stable
set search_path = ''
as $$
	with plans as (
		select plan.id, plan.title, plan.status, plan.created_at, plan.verified_on, plan.verification_due_on,
			private.local_day(plan.created_at) as opened_on, owner.full_name as owner_name
		from public.action_plans as plan
		left join public.staff_members as owner on owner.user_id = plan.owner_id
	),
	still_open as (
		select * from plans where status <> 'verified_effective' and opened_on < p_end_day
	)
	select jsonb_build_object(
		'opened', (select count(*) from plans where opened_on >= p_first_day and opened_on < p_end_day),
		'verifiedEffective', (select count(*) from plans
			where status = 'verified_effective' and verified_on >= p_first_day and verified_on < p_end_day),
		'notEffective', (select count(*) from plans
			where status = 'not_effective' and verified_on >= p_first_day and verified_on < p_end_day),
		'openFromEarlier', (select count(*) from still_open where opened_on < p_first_day),
		'openByStatus', (select coalesce(jsonb_object_agg(status, n), '{}') from (
			select status, count(*) as n from still_open group by 1) as by_status),
		'open', (select coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'title', o.title, 'status', o.status, 'owner', o.owner_name,
			'openedOn', o.opened_on, 'verificationDueOn', o.verification_due_on) order by o.created_at, o.id), '[]')
			from (select * from still_open order by created_at, id limit 20) as o)
	)
$$;

revoke execute on function public.action_plan_statistics(date, date) from public, anon;
grant execute on function public.action_plan_statistics(date, date) to authenticated;

-- The figures of one quarter's management review (live until approval freezes them).
create or replace function public.review_figures(p_quarter text) returns jsonb
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
		'plans', public.action_plan_statistics(v_quarter, (v_quarter + interval '3 months')::date),
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

