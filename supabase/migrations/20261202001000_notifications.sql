-- Notifications: an outbox of e-mails written in the same transaction as the change that causes them, and
-- the facts the worker (src/lib/server/notify/, `npm run worker`) needs to deliver them.
--
-- How a mail leaves:
--   * A trigger on feedback_item_events (or the submission RPC, for the client's tracking link) calls
--     private.enqueue_mail, which inserts a private.outbox row and, when the graphile-worker schema exists,
--     a graphile_worker job 'deliver_outbox' keyed by the row's id (job_key: a row is queued once).
--     graphile-worker installs its own schema when the worker starts; rows written before that stay
--     'pending' and the worker's sweep (at start and every minute) queues them.
--   * The worker sends the row over SMTP with a Message-ID fixed by the row's id, then marks it 'sent'.
--     A failure is retried with graphile-worker's exponential backoff; after the last attempt the row is
--     kept as 'failed' with its error, and admins see it (public.outbox_messages) and may retry it.
--
-- What is sent (kind: to whom):
--   client_filed / client_reply / client_resolved: the client, only with an e-mail, consent, and no
--     unsubscribe (private.client_links keeps the tracking link: the item stores only its hash).
--   staff_new_item: the assignee, or the triage group (active agents and managers) when unassigned.
--   staff_assigned: the new assignee (not when they assigned themselves).
--   staff_client_message, staff_not_resolved: the assignee (the triage group when unassigned).
--   staff_deadline_warning: the assignee (triage group when unassigned), once per due instant, when the
--     item's deadline cache says due soon (sla_due_soon_at: a quarter of the target, at most 2 business hours).
--   staff_deadline_breached: the assignee and every active manager (the escalation ladder), once per due instant.
--   Events recorded as more than a day old (imports, the demo seed) send nothing.
--   staff_digest: one a day per person whose preference is 'digest', listing what was held for it.
-- Staff preferences (public.notification_preferences): immediate (default), digest, off.
--
-- Who may do what: anon and authenticated have no privilege on private.*; staff read and write their own
-- preference row; admins read the outbox through public.outbox_messages and retry through
-- public.retry_outbox_message. The worker connects as the database owner (DATABASE_URL).

-- ============================================================================
-- tables
-- ============================================================================

create table private.notification_settings (
	id integer primary key default 1 check (id = 1),
	-- Attempts per message before it is kept as failed (graphile-worker's max_attempts).
	max_attempts integer not null default 8 check (max_attempts between 1 and 25),
	updated_at timestamptz not null default now()
);
insert into private.notification_settings (id) values (1);

-- The tracking link of an item whose client gave an e-mail and consent: the only place the raw tracking token
-- is kept, so later mails can carry it. No API role can read it.
create table private.client_links (
	feedback_item_id uuid primary key references public.feedback_items (id) on delete cascade,
	tracking_token text not null check (char_length(tracking_token) <= 200),
	locale text not null default 'es' check (locale in ('es', 'en')),
	unsubscribed_at timestamptz,
	created_at timestamptz not null default now()
);

create table private.outbox (
	id uuid primary key default gen_random_uuid(),
	kind text not null check (kind ~ '^[a-z_]{1,40}$'),
	recipient text not null check (char_length(recipient) <= 320),
	locale text not null default 'es' check (locale in ('es', 'en')),
	-- What the template needs (subject, reply text, links); rendered by the worker.
	payload jsonb not null default '{}'::jsonb check (jsonb_typeof(payload) = 'object'),
	feedback_item_id uuid references public.feedback_items (id) on delete set null,
	staff_user_id uuid references public.staff_members (user_id) on delete set null,
	-- pending: queued; sent; failed: after the last attempt; held: waits for the person's daily digest;
	-- digested: went out inside a digest.
	status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'held', 'digested')),
	attempts integer not null default 0 check (attempts >= 0),
	last_error text,
	-- The SMTP Message-ID: fixed by the row, so a retried send is recognisably the same message.
	message_id text not null unique,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	sent_at timestamptz
);

create index outbox_status_created_at_idx on private.outbox (status, created_at desc);
create index outbox_held_idx on private.outbox (staff_user_id) where status = 'held';
create index outbox_feedback_item_id_idx on private.outbox (feedback_item_id);

-- A deadline notice goes once per item, stage and due instant (a reopened item's new deadline warns again).
create table private.deadline_notices (
	feedback_item_id uuid not null references public.feedback_items (id) on delete cascade,
	stage text not null check (stage in ('warning', 'breached')),
	due_at timestamptz not null,
	noticed_at timestamptz not null,
	primary key (feedback_item_id, stage, due_at)
);

create type public.notification_mode as enum ('immediate', 'digest', 'off');

create table public.notification_preferences (
	user_id uuid primary key references public.staff_members (user_id) on delete cascade default auth.uid(),
	mode public.notification_mode not null default 'immediate',
	updated_at timestamptz not null default now()
);

alter table public.notification_preferences enable row level security;

create policy "staff read their own notification preference" on public.notification_preferences
	for select to authenticated
	using (user_id = (select auth.uid()) and private.current_staff_role() is not null);
create policy "staff set their own notification preference" on public.notification_preferences
	for insert to authenticated
	with check (user_id = (select auth.uid()) and private.current_staff_role() is not null);
create policy "staff change their own notification preference" on public.notification_preferences
	for update to authenticated
	using (user_id = (select auth.uid()) and private.current_staff_role() is not null)
	with check (user_id = (select auth.uid()));

grant select, insert (user_id, mode), update (user_id, mode) on public.notification_preferences to authenticated;

create trigger notification_preferences_set_updated_at before update on public.notification_preferences
	for each row execute function private.set_updated_at();

-- ============================================================================
-- enqueueing
-- ============================================================================

-- Queues one outbox row for the worker, once (when the graphile-worker schema is installed; the worker's sweep
-- does it otherwise).
create function private.queue_outbox(p_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if to_regclass('graphile_worker.jobs') is null then
		return;
	end if;
	-- A row with a job already (waiting, retrying or running) keeps it: re-adding would reset its attempts.
	if exists (select 1 from graphile_worker.jobs as job where job.key = 'outbox:' || p_id::text) then
		return;
	end if;
	perform graphile_worker.add_job(
		'deliver_outbox',
		json_build_object('id', p_id),
		max_attempts => (select settings.max_attempts from private.notification_settings as settings where settings.id = 1),
		job_key => 'outbox:' || p_id::text,
		job_key_mode => 'preserve_run_at'
	);
end;
$$;

-- One mail. A staff recipient's preference decides: immediate (queued), digest (held), off (nothing).
create function private.enqueue_mail(
	p_kind text, p_recipient text, p_locale text, p_payload jsonb, p_item_id uuid, p_staff_user_id uuid default null
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_mode public.notification_mode := 'immediate';
	v_id uuid := gen_random_uuid();
begin
	if p_recipient is null or btrim(p_recipient) = '' then
		return null;
	end if;
	if p_staff_user_id is not null then
		select preference.mode into v_mode from public.notification_preferences as preference where preference.user_id = p_staff_user_id;
		v_mode := coalesce(v_mode, 'immediate');
		if v_mode = 'off' then
			return null;
		end if;
	end if;
	insert into private.outbox (id, kind, recipient, locale, payload, feedback_item_id, staff_user_id, status, message_id)
	values (v_id, p_kind, p_recipient, coalesce(p_locale, 'es'), coalesce(p_payload, '{}'::jsonb), p_item_id, p_staff_user_id,
		case when v_mode = 'digest' then 'held' else 'pending' end,
		'<' || v_id::text || '@feedback-portal.outbox>');
	if v_mode = 'immediate' then
		perform private.queue_outbox(v_id);
	end if;
	return v_id;
end;
$$;

-- The facts every item mail shows.
create function private.item_mail_payload(p_item public.feedback_items) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	select jsonb_build_object('itemId', p_item.id, 'kind', p_item.kind, 'subject', p_item.subject, 'category', p_item.category,
		'priority', p_item.priority, 'status', p_item.status)
$$;

-- Staff who get an item's mail: its assignee, or the triage group (active agents and managers) when unassigned.
create function private.item_staff_recipients(p_item public.feedback_items)
returns table (user_id uuid, email text)
language sql
stable
security definer
set search_path = ''
as $$
	select staff.user_id, staff.email from public.staff_members as staff
	where staff.active and (
		staff.user_id = p_item.assignee_id
		or (p_item.assignee_id is null and staff.role in ('agent', 'manager'))
	)
$$;

create function private.mail_item_staff(p_kind text, p_item public.feedback_items, p_payload jsonb, p_except uuid default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_staff record;
begin
	for v_staff in select * from private.item_staff_recipients(p_item) loop
		if v_staff.user_id is distinct from p_except then
			perform private.enqueue_mail(p_kind, v_staff.email, 'es', private.item_mail_payload(p_item) || p_payload, p_item.id, v_staff.user_id);
		end if;
	end loop;
end;
$$;

-- A client mail, when the client left an e-mail and consent and has not unsubscribed.
create function private.mail_item_client(p_kind text, p_item public.feedback_items, p_payload jsonb) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_link private.client_links;
begin
	if p_item.contact_email is null or not p_item.contact_consent then
		return;
	end if;
	select * into v_link from private.client_links as link where link.feedback_item_id = p_item.id;
	if not found or v_link.unsubscribed_at is not null then
		return;
	end if;
	perform private.enqueue_mail(p_kind, p_item.contact_email, v_link.locale,
		private.item_mail_payload(p_item) || jsonb_build_object('trackingToken', v_link.tracking_token) || p_payload, p_item.id);
end;
$$;

-- What each event of an item sends.
create function private.notify_on_feedback_event() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_item public.feedback_items;
	v_body text;
	v_assignee uuid;
begin
	-- What is recorded as having happened long ago (an import, the demo seed) is history, not news.
	if new.occurred_at < now() - interval '1 day' then
		return null;
	end if;
	select * into v_item from public.feedback_items as item where item.id = new.feedback_item_id;
	if not found then
		return null;
	end if;
	if new.kind = 'created' then
		perform private.mail_item_staff('staff_new_item', v_item, jsonb_build_object('description', left(v_item.description, 600)), new.actor_id);
	elsif new.kind = 'assigned' then
		v_assignee := nullif(new.details -> 'assignee' ->> 'to', '')::uuid;
		-- At creation the new-item mail already went to the assignee; assigning oneself needs no mail.
		if v_assignee is not null and new.occurred_at <> v_item.created_at and v_assignee is distinct from new.actor_id then
			perform private.enqueue_mail('staff_assigned', staff.email, 'es', private.item_mail_payload(v_item), v_item.id, staff.user_id)
			from public.staff_members as staff where staff.user_id = v_assignee and staff.active;
		end if;
	elsif new.kind = 'public_reply' then
		select message.body into v_body from public.feedback_messages as message where message.id = new.message_id;
		perform private.mail_item_client('client_reply', v_item, jsonb_build_object('reply', v_body));
	elsif new.kind = 'client_message' then
		select message.body into v_body from public.feedback_messages as message where message.id = new.message_id;
		perform private.mail_item_staff('staff_client_message', v_item, jsonb_build_object('message', v_body));
	elsif new.kind = 'client_resolution_answer' and (new.details ->> 'satisfied') = 'false' then
		perform private.mail_item_staff('staff_not_resolved', v_item, '{}'::jsonb);
	elsif new.kind = 'status_changed' and new.to_status = 'resolved' then
		perform private.mail_item_client('client_resolved', v_item, jsonb_build_object('resolution', v_item.resolution_text));
	end if;
	return null;
end;
$$;

create trigger feedback_item_events_notify after insert on public.feedback_item_events
	for each row execute function private.notify_on_feedback_event();

-- Deadline notices at p_now (the worker calls it every minute with now(); tests with a fixed clock).
-- Answers how many mails it queued or held.
create function private.enqueue_deadline_notices(p_now timestamptz) returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_item public.feedback_items;
	v_count integer := 0;
	v_stage text;
	v_staff record;
begin
	for v_item in
		select * from public.feedback_items as item
		where item.sla_next_due_at is not null and item.sla_due_soon_at <= p_now
			and item.status in ('new', 'triaged', 'in_progress')
			-- A deadline that passed more than a day ago (the worker was down, or the item is history) is left to the inbox.
			and item.sla_next_due_at > p_now - interval '1 day'
	loop
		v_stage := case when v_item.sla_next_due_at <= p_now then 'breached' else 'warning' end;
		insert into private.deadline_notices (feedback_item_id, stage, due_at, noticed_at)
		values (v_item.id, v_stage, v_item.sla_next_due_at, p_now)
		on conflict do nothing;
		if not found then
			continue;
		end if;
		for v_staff in
			select recipient.user_id, recipient.email from private.item_staff_recipients(v_item) as recipient
			union
			select staff.user_id, staff.email from public.staff_members as staff
			where v_stage = 'breached' and staff.active and staff.role = 'manager'
		loop
			if private.enqueue_mail('staff_deadline_' || v_stage, v_staff.email, 'es',
				private.item_mail_payload(v_item) || jsonb_build_object('dueAt', v_item.sla_next_due_at), v_item.id, v_staff.user_id) is not null then
				v_count := v_count + 1;
			end if;
		end loop;
	end loop;
	return v_count;
end;
$$;

-- One digest per person with held mail; the held rows become 'digested'. Answers how many digests it queued.
create function private.enqueue_digests() returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_person record;
	v_count integer := 0;
begin
	for v_person in
		select held.staff_user_id, min(held.recipient) as recipient,
			jsonb_agg(held.payload || jsonb_build_object('notice', held.kind) order by held.created_at) as entries,
			array_agg(held.id) as ids
		from private.outbox as held
		where held.status = 'held' and held.staff_user_id is not null
		group by held.staff_user_id
	loop
		update private.outbox set status = 'digested', updated_at = now() where id = any (v_person.ids);
		perform private.enqueue_mail('staff_digest', v_person.recipient, 'es', jsonb_build_object('entries', v_person.entries), null, null);
		v_count := v_count + 1;
	end loop;
	return v_count;
end;
$$;

-- ============================================================================
-- the client's filing: the tracking link mailed once, in the submission's transaction
-- ============================================================================

-- The client's language rides along in p_item as 'locale' ('es' unless 'en'); the rest is the same RPC.
create or replace function public.submit_feedback_item(p_token text, p_submission text, p_item jsonb, p_client_address text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_invitation public.survey_invitations;
	v_submission_hash bytea;
	v_previous public.feedback_items;
	v_refusal text;
	v_errors jsonb;
	v_item public.feedback_items;
	v_locale text := case when p_item ->> 'locale' = 'en' then 'en' else 'es' end;
begin
	if jsonb_typeof(p_item) = 'object' then
		p_item := p_item - 'locale';
	end if;
	if private.address_over_limit(p_client_address) then
		return private.outcome('rate_limited');
	end if;
	v_invitation := private.invitation_for_token(p_token);
	if v_invitation.id is null then
		return private.outcome('unknown_token');
	end if;
	if private.invitation_over_limit(v_invitation) then
		return private.outcome('rate_limited');
	end if;
	if not private.is_submission_token(p_submission) then
		return private.invalid('{"submission": "invalid"}');
	end if;
	v_submission_hash := private.token_hash(p_submission);

	select * into v_previous from public.feedback_items as item where item.submission_hash = v_submission_hash;
	if found then
		return private.replayed_item(v_previous, v_invitation, p_submission);
	end if;

	v_refusal := private.invitation_refusal(v_invitation);
	if v_refusal is not null then
		return private.outcome(v_refusal);
	end if;
	if not (v_invitation.offers_complaint or v_invitation.offers_suggestion) then
		return private.invalid('{"_form": "not_offered"}');
	end if;
	v_errors := private.feedback_item_errors(p_item, v_invitation);
	if v_errors <> '{}'::jsonb then
		return private.invalid(v_errors);
	end if;

	insert into public.feedback_items (
		kind, category, subject, description, contact_email, contact_phone, contact_consent,
		client_id, contract_id, invitation_id, submission_hash
	)
	values (
		(p_item ->> 'kind')::public.feedback_kind,
		p_item ->> 'category',
		private.trim_text(p_item ->> 'subject'),
		private.trim_text(p_item ->> 'description'),
		nullif(private.trim_text(p_item ->> 'contact_email'), ''),
		nullif(private.trim_text(p_item ->> 'contact_phone'), ''),
		coalesce((p_item ->> 'contact_consent')::boolean, false),
		v_invitation.client_id,
		coalesce(nullif(p_item ->> 'contract_id', '')::uuid, v_invitation.contract_id),
		v_invitation.id,
		v_submission_hash
	)
	on conflict (submission_hash) do nothing
	returning * into v_item;
	if v_item.id is null then
		-- The same submission raced itself; the other copy was stored.
		select * into v_previous from public.feedback_items as item where item.submission_hash = v_submission_hash;
		return private.replayed_item(v_previous, v_invitation, p_submission);
	end if;
	if v_item.contact_email is not null and v_item.contact_consent then
		insert into private.client_links (feedback_item_id, tracking_token, locale) values (v_item.id, p_submission, v_locale);
		perform private.mail_item_client('client_filed', v_item, jsonb_build_object('description', left(v_item.description, 600)));
	end if;
	return jsonb_build_object('outcome', 'ok', 'confirmation', private.item_confirmation(v_item, p_submission));
end;
$$;

-- ============================================================================
-- public functions for the client (anon; by tracking token)
-- ============================================================================

-- One-click unsubscribe (the List-Unsubscribe link): no more mail about this item. True when the token is known.
create function public.unsubscribe_tracking(p_tracking_token text) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_item_id uuid;
begin
	select item.id into v_item_id from public.feedback_items as item
	where char_length(p_tracking_token) <= 200 and item.submission_hash = private.token_hash(p_tracking_token);
	if not found then
		return false;
	end if;
	update private.client_links set unsubscribed_at = coalesce(unsubscribed_at, now()) where feedback_item_id = v_item_id;
	return true;
end;
$$;

-- More information from the client while the item is open: a public message without an author, which the
-- timeline logs as client_message (and which mails the assignee).
create function public.add_client_message(p_tracking_token text, p_body text, p_client_address text) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_item public.feedback_items;
	v_body text := private.trim_text(p_body);
begin
	if private.address_over_limit(p_client_address) then
		return private.outcome('rate_limited');
	end if;
	select * into v_item from public.feedback_items as item
	where char_length(p_tracking_token) <= 200 and item.submission_hash = private.token_hash(p_tracking_token);
	if not found then
		return private.outcome('unknown_token');
	end if;
	if private.over_rate_limit('item', 'item:' || v_item.id) then
		return private.outcome('rate_limited');
	end if;
	if v_body is null or v_body = '' then
		return private.invalid('{"body": "required"}');
	elsif char_length(v_body) > 4000 then
		return private.invalid('{"body": "too_long"}');
	end if;
	if v_item.status not in ('new', 'triaged', 'in_progress', 'waiting_client') then
		return private.outcome('closed');
	end if;
	insert into public.feedback_messages (feedback_item_id, body, is_public, author_id) values (v_item.id, v_body, true, null);
	return private.outcome('ok');
end;
$$;

-- The tracking page: as before, each reply says whether the client wrote it, and whether the client may write.
create or replace function public.get_tracking(p_tracking_token text) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	v_item public.feedback_items;
begin
	select * into v_item
	from public.feedback_items as item
	where char_length(p_tracking_token) <= 200 and item.submission_hash = private.token_hash(p_tracking_token);
	if not found then
		return private.outcome('unknown_token');
	end if;
	return jsonb_build_object(
		'outcome', 'ok',
		'item', jsonb_build_object(
			'kind', v_item.kind,
			'category', v_item.category,
			'subject', v_item.subject,
			'description', v_item.description,
			'status', v_item.status,
			'submittedAt', v_item.created_at,
			'updatedAt', v_item.updated_at,
			'resolvedAt', v_item.resolved_at,
			'resolutionSatisfied', v_item.resolution_satisfied,
			'canRateResolution', private.can_rate_resolution(v_item),
			'canAddMessage', v_item.status in ('new', 'triaged', 'in_progress', 'waiting_client')
		),
		'replies', coalesce((
			select jsonb_agg(jsonb_build_object('body', message.body, 'sentAt', message.created_at,
				'fromClient', exists (
					select 1 from public.feedback_item_events as event
					where event.feedback_item_id = v_item.id and event.message_id = message.id and event.kind = 'client_message'
				)) order by message.created_at, message.id)
			from public.feedback_messages as message
			where message.feedback_item_id = v_item.id and message.is_public
		), '[]'::jsonb)
	);
end;
$$;

-- ============================================================================
-- public functions for admins: the outbox
-- ============================================================================

create function public.outbox_messages(p_status text default null, p_limit integer default 100)
returns table (
	id uuid, kind text, recipient text, status text, attempts integer, last_error text, feedback_item_id uuid,
	created_at timestamptz, sent_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if not private.has_staff_role('admin') then
		raise exception 'only admins read the outbox' using errcode = '42501';
	end if;
	return query
	select outbox.id, outbox.kind, outbox.recipient, outbox.status, outbox.attempts, outbox.last_error, outbox.feedback_item_id,
		outbox.created_at, outbox.sent_at
	from private.outbox as outbox
	where p_status is null or outbox.status = p_status
	order by outbox.created_at desc, outbox.id
	limit least(greatest(coalesce(p_limit, 100), 1), 500);
end;
$$;

-- Sends a failed message again, with a fresh set of attempts.
create function public.retry_outbox_message(p_id uuid) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not private.has_staff_role('admin') then
		raise exception 'only admins retry outbox messages' using errcode = '42501';
	end if;
	update private.outbox set status = 'pending', attempts = 0, last_error = null, updated_at = now()
	where id = p_id and status = 'failed';
	if not found then
		return false;
	end if;
	perform private.queue_outbox(p_id);
	return true;
end;
$$;

-- ============================================================================
-- grants
-- ============================================================================

revoke execute on function private.queue_outbox(uuid) from public;
revoke execute on function private.enqueue_mail(text, text, text, jsonb, uuid, uuid) from public;
revoke execute on function private.item_mail_payload(public.feedback_items) from public;
revoke execute on function private.item_staff_recipients(public.feedback_items) from public;
revoke execute on function private.mail_item_staff(text, public.feedback_items, jsonb, uuid) from public;
revoke execute on function private.mail_item_client(text, public.feedback_items, jsonb) from public;
revoke execute on function private.notify_on_feedback_event() from public;
revoke execute on function private.enqueue_deadline_notices(timestamptz) from public;
revoke execute on function private.enqueue_digests() from public;

revoke execute on function public.unsubscribe_tracking(text) from public;
grant execute on function public.unsubscribe_tracking(text) to anon, authenticated;
revoke execute on function public.add_client_message(text, text, text) from public;
-- The app's server calls it as service_role, naming the phone's address (as the submission RPCs).
grant execute on function public.add_client_message(text, text, text) to anon, authenticated, service_role;
revoke execute on function public.outbox_messages(text, integer) from public, anon;
grant execute on function public.outbox_messages(text, integer) to authenticated;
revoke execute on function public.retry_outbox_message(uuid) from public, anon;
grant execute on function public.retry_outbox_message(uuid) to authenticated;
