-- Closing the loop on detractors: a survey response with a low score (CSAT 1-2 or NPS 0-6 by default, both
-- configurable in private.notification_settings) creates a follow-up item in the inbox, linked to the response,
-- when the response carries a way to reach the client (a personal link, or a known client). Its creation
-- mails the assignee or the triage group like any new item (20261202001000_notifications.sql).

alter table private.notification_settings
	add column csat_low_max integer not null default 2 check (csat_low_max between 0 and 5),
	add column nps_low_max integer not null default 6 check (nps_low_max between 0 and 10);

alter table public.feedback_items
	add column follow_up_of_response_id uuid unique references public.survey_responses (id) on delete set null;

-- The low answers of a response: [{"question": id, "type": "nps"|"csat", "score": n}], empty when none.
create function private.low_scores(p_definition jsonb, p_answers jsonb) returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	select coalesce(jsonb_agg(jsonb_build_object('question', question ->> 'id', 'type', question ->> 'type',
		'score', (p_answers ->> (question ->> 'id'))::integer) order by ordinal), '[]'::jsonb)
	from jsonb_array_elements(p_definition -> 'questions') with ordinality as entry (question, ordinal),
		private.notification_settings as settings
	where settings.id = 1
		and question ->> 'type' in ('nps', 'csat')
		and jsonb_typeof(p_answers -> (question ->> 'id')) = 'number'
		and (p_answers ->> (question ->> 'id'))::numeric
			<= case when question ->> 'type' = 'nps' then settings.nps_low_max else settings.csat_low_max end
$$;

create function private.follow_up_low_score() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_low jsonb;
	v_invitation public.survey_invitations;
	v_scores text;
begin
	select private.low_scores(survey.definition, new.answers) into v_low from public.surveys as survey where survey.id = new.survey_id;
	if v_low is null or v_low = '[]'::jsonb then
		return null;
	end if;
	if new.invitation_id is not null then
		select * into v_invitation from public.survey_invitations as invitation where invitation.id = new.invitation_id;
	end if;
	-- Someone to call back: a personal link, or a client the response is tied to.
	if new.client_id is null and v_invitation.kind is distinct from 'personal' then
		return null;
	end if;
	select string_agg(upper(entry ->> 'type') || ' ' || (entry ->> 'score'), ', ') into v_scores from jsonb_array_elements(v_low) as entry;
	insert into public.feedback_items (kind, category, subject, description, client_id, contract_id, invitation_id, follow_up_of_response_id)
	values (
		'complaint', 'service',
		'Seguimiento: puntuación baja en una encuesta',
		'Respuesta de encuesta con puntuación baja (' || v_scores || '). Contacte con el cliente para entender qué falló y cerrar el ciclo.',
		new.client_id,
		case when new.client_id is not null then new.contract_id end,
		new.invitation_id,
		new.id
	);
	return null;
end;
$$;

create trigger survey_responses_follow_up_low_score after insert on public.survey_responses
	for each row execute function private.follow_up_low_score();

revoke execute on function private.low_scores(jsonb, jsonb) from public;
revoke execute on function private.follow_up_low_score() from public;
