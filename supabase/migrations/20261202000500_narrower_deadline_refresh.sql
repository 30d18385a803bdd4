-- A target or holiday change recomputed the deadlines of every open item, in the admin's request: seconds
-- once a few thousand items are open. Only the items the change can move are recomputed now:
-- * a target: open items of the priorities whose target changed;
-- * a holiday added or removed: open items whose clock can cross that day, that is created on or before it,
--   and with the day no later than the latest of today and their due dates (a paused item has no due date:
--   its clock will be recomputed when it runs again). A holiday's name never moves a deadline.
-- The business calendar (hours, days, time zone) still recomputes every open item.

drop trigger sla_targets_refresh_deadlines on public.sla_targets;
drop trigger business_holidays_refresh_deadlines on public.business_holidays;

create function private.refresh_deadlines_for_targets() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform private.refresh_feedback_item_deadlines(item.id)
	from public.feedback_items as item
	where item.status in ('new', 'triaged', 'in_progress', 'waiting_client')
		and item.priority in (
			select after.priority
			from new_rows as after
			join old_rows as before on before.priority = after.priority
			where (after.first_response_minutes, after.resolution_minutes)
				is distinct from (before.first_response_minutes, before.resolution_minutes)
		);
	return null;
end;
$$;

create trigger sla_targets_refresh_deadlines after update on public.sla_targets
	referencing old table as old_rows new table as new_rows
	for each statement execute function private.refresh_deadlines_for_targets();

-- The open items a set of holiday dates can move (see the header).
create function private.refresh_deadlines_across(p_days date[]) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_zone text := (select calendar.time_zone from public.business_calendar as calendar where calendar.id = 1);
	v_first date := (select min(day) from unnest(p_days) as day);
	v_last date := (select max(day) from unnest(p_days) as day);
begin
	if v_first is null then
		return;
	end if;
	perform private.refresh_feedback_item_deadlines(item.id)
	from public.feedback_items as item
	where item.status in ('new', 'triaged', 'in_progress', 'waiting_client')
		and (item.created_at at time zone v_zone)::date <= v_last
		and v_first <= greatest(
			(now() at time zone v_zone)::date,
			(item.sla_first_response_due_at at time zone v_zone)::date,
			(item.sla_resolution_due_at at time zone v_zone)::date
		);
end;
$$;

create function private.refresh_deadlines_for_holidays() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' then
		perform private.refresh_deadlines_across(array(select holiday_date from new_rows));
	elsif tg_op = 'DELETE' then
		perform private.refresh_deadlines_across(array(select holiday_date from old_rows));
	else
		-- Only a date that appears or disappears matters; a renamed holiday moves nothing.
		perform private.refresh_deadlines_across(array(
			select coalesce(after.holiday_date, before.holiday_date)
			from new_rows as after
			full join old_rows as before on before.holiday_date = after.holiday_date
			where after.holiday_date is null or before.holiday_date is null
		));
	end if;
	return null;
end;
$$;

create trigger business_holidays_refresh_after_insert after insert on public.business_holidays
	referencing new table as new_rows
	for each statement execute function private.refresh_deadlines_for_holidays();
create trigger business_holidays_refresh_after_update after update on public.business_holidays
	referencing old table as old_rows new table as new_rows
	for each statement execute function private.refresh_deadlines_for_holidays();
create trigger business_holidays_refresh_after_delete after delete on public.business_holidays
	referencing old table as old_rows
	for each statement execute function private.refresh_deadlines_for_holidays();

revoke execute on function private.refresh_deadlines_for_targets(), private.refresh_deadlines_across(date[]),
	private.refresh_deadlines_for_holidays() from public, anon, authenticated;
