-- The corrective-action plans' daily check: a plan whose actions are done and whose verification date has
-- come is mailed, once per due date, to its owner and to the active quality and manager staff (verification
-- is a person other than the owner where one exists). The screens compute "verification due" on every load;
-- this is the part that reaches people who do not open them. The notification worker runs it every morning
-- (graphile-worker's cron, no external scheduler) and at any time with a fixed clock in tests.

create table private.plan_verification_notices (
	plan_id uuid not null references public.action_plans (id) on delete cascade,
	due_on date not null,
	noticed_at timestamptz not null default now(),
	primary key (plan_id, due_on)
);

revoke all on private.plan_verification_notices from public, anon, authenticated, service_role;

create function private.enqueue_plan_verification_notices(p_now timestamptz) returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_plan record;
	v_staff record;
	v_count integer := 0;
begin
	for v_plan in
		select plan.id, plan.title, plan.owner_id, plan.verification_due_on
		from public.action_plans as plan
		where plan.status = 'actions_done' and plan.verification_due_on <= private.local_day(p_now)
	loop
		insert into private.plan_verification_notices (plan_id, due_on, noticed_at)
		values (v_plan.id, v_plan.verification_due_on, p_now)
		on conflict do nothing;
		if not found then
			continue;
		end if;
		for v_staff in
			select staff.user_id, staff.email from public.staff_members as staff
			where staff.active and (staff.user_id = v_plan.owner_id or staff.role in ('quality', 'manager'))
		loop
			if private.enqueue_mail('staff_plan_verification_due', v_staff.email, 'es',
				jsonb_build_object('planId', v_plan.id, 'subject', v_plan.title, 'dueOn', v_plan.verification_due_on,
					'isOwner', v_staff.user_id = v_plan.owner_id),
				null, v_staff.user_id) is not null then
				v_count := v_count + 1;
			end if;
		end loop;
	end loop;
	return v_count;
end;
$$;

revoke execute on function private.enqueue_plan_verification_notices(timestamptz) from public, anon, authenticated;
