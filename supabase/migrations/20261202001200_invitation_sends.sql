-- Personal links sent by e-mail from the bulk screen: one message per link to the client's contact address,
-- through the outbox (20261202001000_notifications.sql). Each send is recorded in public.invitation_sends,
-- whose status follows the outbox row (pending, sent, failed after the last retry), so a failed send shows on
-- the link. A link whose client has no contact address is recorded as failed at once.
--
-- Who may do what: staff read the sends of the invitations they can read (RLS through survey_invitations);
-- nobody writes them directly: public.send_invitation_links (active staff holding the raw tokens) and the
-- outbox trigger do.

create table public.invitation_sends (
	id uuid primary key default gen_random_uuid(),
	invitation_id uuid not null references public.survey_invitations (id) on delete cascade,
	outbox_id uuid unique references private.outbox (id) on delete set null,
	recipient text check (char_length(recipient) <= 320),
	status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
	last_error text,
	sent_by uuid references public.staff_members (user_id) on delete set null default auth.uid(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index invitation_sends_invitation_id_idx on public.invitation_sends (invitation_id, created_at desc);
create index invitation_sends_sent_by_idx on public.invitation_sends (sent_by);

alter table public.invitation_sends enable row level security;

create policy "Staff read the sends of invitations they can read" on public.invitation_sends
	for select to authenticated
	using (private.current_staff_role() is not null
		and exists (select 1 from public.survey_invitations as invitation where invitation.id = invitation_id));

grant select on public.invitation_sends to authenticated;

-- The send follows its outbox row.
create function private.follow_outbox_status() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	update public.invitation_sends as send
	set status = case when new.status in ('sent', 'failed') then new.status else 'pending' end,
		last_error = new.last_error, updated_at = now()
	where send.outbox_id = new.id;
	return null;
end;
$$;

create trigger outbox_follow_status after update of status, last_error on private.outbox
	for each row execute function private.follow_outbox_status();

-- Mails each link ([{"id": invitation id, "token": raw token}]) to its client's contact address. The raw token
-- must match the invitation (only who just created or reissued a link holds it). Answers one entry per link:
-- {"invitationId", "recipient", "status"}.
create function public.send_invitation_links(p_links jsonb) returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_link jsonb;
	v_invitation public.survey_invitations;
	v_client public.clients;
	v_outbox uuid;
	v_answer jsonb := '[]'::jsonb;
begin
	if private.current_staff_role() is null then
		raise exception 'only active staff send links' using errcode = '42501';
	end if;
	if jsonb_typeof(p_links) <> 'array' or jsonb_array_length(p_links) > 500 then
		raise exception 'p_links must be an array of at most 500 links' using errcode = '22023';
	end if;
	for v_link in select value from jsonb_array_elements(p_links) loop
		select * into v_invitation from public.survey_invitations as invitation
		where invitation.id = nullif(v_link ->> 'id', '')::uuid
			and invitation.token_hash = private.token_hash(coalesce(v_link ->> 'token', ''));
		if not found then
			raise exception 'a link does not match its invitation' using errcode = '22023';
		end if;
		select * into v_client from public.clients as client where client.id = v_invitation.client_id;
		if v_client.contact_email is null then
			insert into public.invitation_sends (invitation_id, recipient, status, last_error)
			values (v_invitation.id, null, 'failed', 'the client has no contact e-mail');
			v_answer := v_answer || jsonb_build_object('invitationId', v_invitation.id, 'recipient', null, 'status', 'failed');
			continue;
		end if;
		v_outbox := private.enqueue_mail('client_invitation', v_client.contact_email, 'es',
			jsonb_build_object('linkToken', v_link ->> 'token', 'clientName', v_client.name, 'contactName', v_client.contact_name,
				'offersSurvey', v_invitation.offers_survey), null);
		insert into public.invitation_sends (invitation_id, outbox_id, recipient, status)
		values (v_invitation.id, v_outbox, v_client.contact_email, 'pending');
		v_answer := v_answer || jsonb_build_object('invitationId', v_invitation.id, 'recipient', v_client.contact_email, 'status', 'pending');
	end loop;
	return v_answer;
end;
$$;

revoke execute on function private.follow_outbox_status() from public;
revoke execute on function public.send_invitation_links(jsonb) from public, anon;
grant execute on function public.send_invitation_links(jsonb) to authenticated;
