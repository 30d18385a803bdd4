-- A management review decision can become a corrective action plan (ISO 9001 9.3.3 outputs feeding 10.2):
-- the plan records the decision it came from, and the review lists the plan beside the decision. The link
-- lives on the plan, so whoever may create plans (quality, managers, admins) records it without needing
-- the right to edit an approved review's decisions.

alter table public.action_plans
	add column review_decision_id uuid references public.review_decisions (id) on delete set null;

create index action_plans_review_decision_idx on public.action_plans (review_decision_id) where review_decision_id is not null;

grant insert (review_decision_id) on public.action_plans to authenticated;
