-- Demo data for the indicators (local only): two years of contracts, survey answers and resolved
-- complaints for the demo clients, so the dashboard's quarters, trends and review have something to show.
-- Dates are relative to now(). The rollups fill themselves through their triggers.

-- Contracts due over the last eight quarters: mostly on time and accepted, with some late,
-- rejected or still pending, and a bad patch two quarters ago that misses the 95 % target.
insert into public.contracts (client_id, reference, title, start_date, due_date, delivered_at, conformity)
select
	format('c0000000-0000-4000-8000-%s', lpad((n % 12 + 1)::text, 12, '0'))::uuid,
	'IND-' || lpad(n::text, 4, '0'),
	'Servicio periódico ' || n,
	due - 45,
	due,
	case when n % 23 = 0 and due > current_date - 20 then null
		else (due - case when n % 9 = 0 or (due between current_date - 270 and current_date - 180 and n % 3 = 0) then -4 else 2 end)::timestamp
			+ interval '12 hours' end,
	(case when n % 23 = 0 and due > current_date - 20 then 'pending' when n % 17 = 0 then 'rejected' else 'accepted' end)::public.contract_conformity
from (select n, (current_date - n * 3)::date as due from generate_series(1, 240) as n) as demo
where due < current_date;

-- Survey answers from the demo clients' personal links, about three a week for two years.
insert into public.survey_responses (survey_id, client_id, answers, satisfaction_score, is_satisfied, submission_hash, created_at)
select
	'f0000000-0000-4000-8000-000000000001',
	format('c0000000-0000-4000-8000-%s', lpad((n % 12 + 1)::text, 12, '0'))::uuid,
	jsonb_build_object('recommend', least(10, satisfaction * 2 + n % 2), 'satisfaction', satisfaction),
	satisfaction,
	satisfaction >= 4,
	extensions.digest('demo-indicator-response-' || n, 'sha256'),
	now() - make_interval(days => 365 + n * 2, hours => n % 11)
from (
	select n, case when n % 10 = 0 then 2 when n % 6 = 0 then 3 when n % 4 = 0 then 4 else 5 end as satisfaction
	from generate_series(1, 180) as n
) as demo;

-- Resolved complaints of the past year, with resolution times from hours to weeks.
insert into public.feedback_items (kind, status, category, subject, description, client_id, submission_hash, created_at, resolved_at)
select
	'complaint',
	(case when n % 5 = 0 then 'closed' else 'resolved' end)::public.feedback_status,
	(array['delivery', 'billing', 'service', 'product', 'communication', 'delivery'])[n % 6 + 1],
	'Incidencia resuelta ' || n,
	'Incidencia de demostración para las estadísticas de quejas número ' || n || '.',
	format('c0000000-0000-4000-8000-%s', lpad((n % 12 + 1)::text, 12, '0'))::uuid,
	extensions.digest('demo-indicator-item-' || n, 'sha256'),
	now() - make_interval(days => n * 6),
	now() - make_interval(days => n * 6) + make_interval(hours => 3 + (n * 37) % 400)
from generate_series(1, 60) as n;
