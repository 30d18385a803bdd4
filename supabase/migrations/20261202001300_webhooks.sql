-- Webhooks for the organisation's other tools. Admins register endpoints (HTTPS; plain http only to this machine,
-- for trying a receiver locally) for events; each event writes one delivery row per subscribed endpoint in the
-- same transaction as the change, and the outbox worker (graphile-worker job 'deliver_webhook') POSTs it, signed,
-- with retries and backoff. Every delivery has an id that receivers use to deduplicate.
--
-- Events: item.created, item.status_changed (from the item's event log), response.received (a survey response),
-- indicator.not_met (a quarter's indicator frozen below its target), test (the admin's "send test" button).
-- Signature (src/lib/server/notify/webhooks.ts): headers Webhook-Id, Webhook-Timestamp (Unix seconds) and
-- Webhook-Signature: v1=<hex HMAC-SHA256 of "<id>.<timestamp>.<body>" with the endpoint's secret>.
--
-- Who may do what: admins read and manage endpoints and read deliveries; nobody else anything. Deliveries are
-- written by triggers and the worker only.

create table public.webhook_endpoints (
	id uuid primary key default gen_random_uuid(),
	url text not null check (char_length(url) <= 2000
		and (url ~ '^https://[^[:space:]/]+' or url ~ '^http://(127\.0\.0\.1|localhost|\[::1\])(:[0-9]+)?(/|$)')),
	description text check (char_length(description) <= 200),
	-- Shared with the receiver to check signatures; shown to admins.
	secret text not null default encode(extensions.gen_random_bytes(32), 'hex') check (char_length(secret) between 32 and 200),
	events text[] not null check (cardinality(events) >= 1
		and events <@ array['item.created', 'item.status_changed', 'response.received', 'indicator.not_met']::text[]),
	active boolean not null default true,
	created_by uuid references public.staff_members (user_id) on delete set null default auth.uid(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index webhook_endpoints_created_by_idx on public.webhook_endpoints (created_by);

create table public.webhook_deliveries (
	-- The delivery id receivers deduplicate on (Webhook-Id); a retry sends the same id.
	id uuid primary key default gen_random_uuid(),
	endpoint_id uuid not null references public.webhook_endpoints (id) on delete cascade,
	event text not null check (event in ('item.created', 'item.status_changed', 'response.received', 'indicator.not_met', 'test')),
	payload jsonb not null check (jsonb_typeof(payload) = 'object'),
	status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
	attempts integer not null default 0 check (attempts >= 0),
	last_status_code integer,
	last_error text,
	created_at timestamptz not null default now(),
	delivered_at timestamptz
);

create index webhook_deliveries_endpoint_created_idx on public.webhook_deliveries (endpoint_id, created_at desc);

alter table public.webhook_endpoints enable row level security;
alter table public.webhook_deliveries enable row level security;

create policy "Admins read webhook endpoints" on public.webhook_endpoints
	for select to authenticated using (private.has_staff_role('admin'));
create policy "Admins add webhook endpoints" on public.webhook_endpoints
	for insert to authenticated with check (private.has_staff_role('admin'));
create policy "Admins change webhook endpoints" on public.webhook_endpoints
	for update to authenticated using (private.has_staff_role('admin')) with check (private.has_staff_role('admin'));
create policy "Admins remove webhook endpoints" on public.webhook_endpoints
	for delete to authenticated using (private.has_staff_role('admin'));
create policy "Admins read webhook deliveries" on public.webhook_deliveries
	for select to authenticated using (private.has_staff_role('admin'));

grant select, delete on public.webhook_endpoints to authenticated;
grant insert (url, description, events, active), update (url, description, events, active) on public.webhook_endpoints to authenticated;
grant select on public.webhook_deliveries to authenticated;

create trigger webhook_endpoints_set_updated_at before update on public.webhook_endpoints
	for each row execute function private.set_updated_at();

-- Queues one delivery, once (as private.queue_outbox does for mail).
create function private.queue_webhook(p_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if to_regclass('graphile_worker.jobs') is null then
		return;
	end if;
	if exists (select 1 from graphile_worker.jobs as job where job.key = 'webhook:' || p_id::text) then
		return;
	end if;
	perform graphile_worker.add_job(
		'deliver_webhook',
		json_build_object('id', p_id),
		max_attempts => (select settings.max_attempts from private.notification_settings as settings where settings.id = 1),
		job_key => 'webhook:' || p_id::text,
		job_key_mode => 'preserve_run_at'
	);
end;
$$;

-- One delivery per active endpoint that wants the event (or only p_endpoint_id's, for a test). Answers how many.
create function private.enqueue_webhook(p_event text, p_data jsonb, p_endpoint_id uuid default null) returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_endpoint public.webhook_endpoints;
	v_id uuid;
	v_count integer := 0;
begin
	for v_endpoint in
		select * from public.webhook_endpoints as endpoint
		where endpoint.active and (endpoint.id = p_endpoint_id or (p_endpoint_id is null and p_event = any (endpoint.events)))
	loop
		v_id := gen_random_uuid();
		insert into public.webhook_deliveries (id, endpoint_id, event, payload)
		values (v_id, v_endpoint.id, p_event,
			jsonb_build_object('id', v_id, 'event', p_event, 'createdAt', now(), 'data', p_data));
		perform private.queue_webhook(v_id);
		v_count := v_count + 1;
	end loop;
	return v_count;
end;
$$;

create function private.webhook_on_feedback_event() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_item public.feedback_items;
begin
	if not exists (select 1 from public.webhook_endpoints where active) then
		return null;
	end if;
	select * into v_item from public.feedback_items as item where item.id = new.feedback_item_id;
	if new.kind = 'created' then
		perform private.enqueue_webhook('item.created', jsonb_build_object('itemId', v_item.id, 'kind', v_item.kind,
			'category', v_item.category, 'subject', v_item.subject, 'status', v_item.status, 'priority', v_item.priority,
			'clientId', v_item.client_id, 'createdAt', v_item.created_at));
	elsif new.kind = 'status_changed' then
		perform private.enqueue_webhook('item.status_changed', jsonb_build_object('itemId', v_item.id, 'kind', v_item.kind,
			'from', new.from_status, 'to', new.to_status, 'changedAt', new.occurred_at));
	end if;
	return null;
end;
$$;

create trigger feedback_item_events_webhooks after insert on public.feedback_item_events
	for each row when (new.kind in ('created', 'status_changed'))
	execute function private.webhook_on_feedback_event();

create function private.webhook_on_survey_response() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if exists (select 1 from public.webhook_endpoints where active) then
		perform private.enqueue_webhook('response.received', jsonb_build_object('responseId', new.id, 'surveyId', new.survey_id,
			'clientId', new.client_id, 'satisfactionScore', new.satisfaction_score, 'isSatisfied', new.is_satisfied,
			'createdAt', new.created_at));
	end if;
	return null;
end;
$$;

create trigger survey_responses_webhooks after insert on public.survey_responses
	for each row execute function private.webhook_on_survey_response();

create function private.webhook_on_indicator_snapshot() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.status = 'not_met' and exists (select 1 from public.webhook_endpoints where active) then
		perform private.enqueue_webhook('indicator.not_met', jsonb_build_object('indicator', new.indicator, 'quarter', new.quarter,
			'valuePercent', new.value_percent, 'targetPercent', new.target_percent, 'successes', new.successes, 'n', new.n));
	end if;
	return null;
end;
$$;

create trigger indicator_snapshots_webhooks after insert on public.indicator_snapshots
	for each row execute function private.webhook_on_indicator_snapshot();

-- The admin's "send test" button: one 'test' delivery to that endpoint. Answers the delivery id.
create function public.send_test_webhook(p_endpoint_id uuid) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not private.has_staff_role('admin') then
		raise exception 'only admins test webhooks' using errcode = '42501';
	end if;
	if private.enqueue_webhook('test', jsonb_build_object('message', 'Prueba desde el portal de opinión'), p_endpoint_id) = 0 then
		raise exception 'no active endpoint %', p_endpoint_id using errcode = 'P0002';
	end if;
	return (select delivery.id from public.webhook_deliveries as delivery
		where delivery.endpoint_id = p_endpoint_id order by delivery.created_at desc limit 1);
end;
$$;

revoke execute on function private.queue_webhook(uuid) from public;
revoke execute on function private.enqueue_webhook(text, jsonb, uuid) from public;
revoke execute on function private.webhook_on_feedback_event() from public;
revoke execute on function private.webhook_on_survey_response() from public;
revoke execute on function private.webhook_on_indicator_snapshot() from public;
revoke execute on function public.send_test_webhook(uuid) from public, anon;
grant execute on function public.send_test_webhook(uuid) to authenticated;
