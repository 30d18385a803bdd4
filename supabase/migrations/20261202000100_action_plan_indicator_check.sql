-- The corrective-action check "the indicator of the next quarter meets its target" now reads the
-- indicators' own figures: organisation-wide CCT or SC of that quarter against the target in force,
-- judged as the dashboard judges it (the 95 % interval wholly at or above the target is met, wholly
-- below is not met). Inconclusive, no data or no target leave the verdict to a person (null).
create or replace function private.action_plan_indicator_met(p_indicator text, p_quarter date) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	with figure as (
		select figures.successes, figures.n
		from private.cct_by_quarter(p_quarter, p_quarter, null) as figures
		where p_indicator = 'cct' and figures.quarter = p_quarter
		union all
		select figures.successes, figures.n
		from private.sc_by_quarter(p_quarter, p_quarter, null, null, null) as figures
		where p_indicator = 'sc' and figures.quarter = p_quarter
	)
	select case private.indicator_status(figure.successes, figure.n, private.target_for(p_indicator::public.indicator_code, p_quarter))
		when 'met' then true
		when 'not_met' then false
	end
	from figure
$$;

revoke execute on function private.action_plan_indicator_met(text, date) from public;
