-- The submission RPC's hot spots, from pg_stat_user_functions under 64 connections on one campaign
-- poster (issue 14): the response rollup trigger took 46 ms of each submission's 51 ms in the database.
--
-- 1. Every response of a day, survey and channel added into one response_rollup_daily row, so
--    concurrent submissions queued on that row's lock until each one committed. A shard taken from the
--    response id splits each key over sixteen rows; every reader already sums the rows of its filter, and
--    the rebuild derives the same shard from the same id, so rebuild = incremental still holds.
-- 2. The trigger built its statements as text and ran them with EXECUTE, so each insert planned them
--    again (2.9 ms of the 5.2 ms an uncontended submission costs). The insert path, which is the
--    submission's, now runs the same generated statements as static SQL in a compiled function, whose
--    plans PL/pgSQL keeps. The invitation rollup, run by the use count's update, gets the same treatment.
-- 3. The audit trail recorded every submission's use-count increment on its link: one audit row per
--    response, naming no person. The response itself is the record; staff cannot write use_count.
-- 4. Every submission on one campaign poster added one to the same survey_invitations row, and held that
--    row's lock until it committed: with the rollup sharded, that row alone capped a poster at about 300
--    submissions a second. An uncapped campaign link now counts its uses in sixteen counter rows; capped
--    links still count on their own row, under the lock their cap needs. public.uses() adds them up
--    for the staff screens (a PostgREST computed field, so lists can show and sort by it).

alter table private.response_rollup_daily add column shard smallint not null default 0;
alter table private.response_rollup_daily drop constraint response_rollup_daily_pkey,
	add primary key (day, survey_id, channel, shard);
alter table private.response_rollup_client_daily add column shard smallint not null default 0;
alter table private.response_rollup_client_daily drop constraint response_rollup_client_daily_pkey,
	add primary key (client_id, day, survey_id, channel, shard);

-- As before, plus the shard: the last byte of the response id (random in a v4 uuid), modulo 16.
create or replace function private.response_facts() returns text
language sql
immutable
set search_path = ''
as $$
	select $facts$
		select src.sign, (src.created_at at time zone (select private.organisation_time_zone()))::date as day, src.survey_id, src.channel, src.client_id,
			(get_byte(uuid_send(src.id), 15) % 16)::smallint as shard,
			1 as responses,
			(src.satisfaction_score is not null)::integer as satisfaction_answers,
			coalesce(src.is_satisfied, false)::integer as satisfied,
			(src.client_id is null and src.satisfaction_score is not null)::integer as anonymous_satisfaction_answers,
			(src.client_id is null and coalesce(src.is_satisfied, false))::integer as anonymous_satisfied,
			(scale.nps is not null)::integer as nps_answers,
			coalesce((scale.nps >= 9)::integer, 0) as nps_promoters,
			coalesce((scale.nps <= 6)::integer, 0) as nps_detractors,
			(scale.csat is not null)::integer as csat_answers,
			coalesce((scale.csat >= 4)::integer, 0) as csat_top
		from $src as src
		join (
			-- NPS is the survey's first 0-10 question, CSAT its first 1-5 csat question.
			select survey.id,
				(select question ->> 'id' from jsonb_array_elements(survey.definition -> 'questions') as question
					where question ->> 'type' = 'nps' limit 1) as nps_question,
				(select question ->> 'id' from jsonb_array_elements(survey.definition -> 'questions') as question
					where question ->> 'type' = 'csat' limit 1) as csat_question
			from public.surveys as survey
		) as questions on questions.id = src.survey_id
		cross join lateral (
			select (src.answers ->> questions.nps_question)::integer as nps, (src.answers ->> questions.csat_question)::integer as csat
		) as scale
	$facts$
$$;

create or replace function private.response_rollup_statements(source text) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
	facts text := private.response_facts();
	client_sums text[] := array['responses', 'satisfaction_answers', 'satisfied', 'nps_answers', 'nps_promoters',
		'nps_detractors', 'csat_answers', 'csat_top'];
begin
	return private.rollup_statements('response_rollup_daily', array['day', 'survey_id', 'channel', 'shard'],
			client_sums || array['anonymous_satisfaction_answers', 'anonymous_satisfied'], facts, source)
		|| private.rollup_statements('response_rollup_client_daily', array['client_id', 'day', 'survey_id', 'channel', 'shard'],
			client_sums, 'select * from (' || facts || ') as all_facts where client_id is not null', source);
end;
$$;

-- Writes a statement-level trigger function that runs `statements` as static SQL over the trigger's
-- transition tables (then `tail`, PL/pgSQL statements). Whoever changes the statements' generators
-- calls this again in the same migration, so the compiled function never drifts from them.
create function private.compile_rollup_trigger(function_name text, statements text[], tail text) returns void
language plpgsql
set search_path = ''
as $$
begin
	execute format(
		'create or replace function private.%I() returns trigger language plpgsql security definer set search_path = '''' as %L',
		function_name,
		E'begin\n' || array_to_string(statements, E';\n') || E';\n' || tail || E'\nreturn null;\nend;'
	);
	execute format('revoke execute on function private.%I() from public, anon, authenticated', function_name);
end;
$$;

revoke execute on function private.compile_rollup_trigger(text, text[], text) from public, anon, authenticated;

-- Inserts only add: a key's responses count grows, so the statements that drop zeroed rows are left out.
select private.compile_rollup_trigger(
	'rollup_inserted_survey_responses',
	array(
		select statement
		from unnest(private.response_rollup_statements(private.signed_source('INSERT'))) as statement
		where statement like 'insert %'
	) || private.satisfaction_latest_statements(private.signed_source('INSERT'), false),
	$tail$
	if exists (select 1 from public.indicator_snapshots) then
		perform private.restate_quarters(array(
			select distinct private.quarter_start(private.local_day(src.created_at)) from new_rows as src
		));
	end if;
	$tail$
);

select private.compile_rollup_trigger(
	'rollup_updated_survey_invitations',
	private.invitation_rollup_statements(private.signed_source('UPDATE')),
	''
);

drop trigger survey_responses_rollup_insert on public.survey_responses;
create trigger survey_responses_rollup_insert after insert on public.survey_responses
	referencing new table as new_rows for each statement execute function private.rollup_inserted_survey_responses();

drop trigger survey_invitations_rollup_update on public.survey_invitations;
create trigger survey_invitations_rollup_update after update on public.survey_invitations
	referencing old table as old_rows new table as new_rows for each statement
	execute function private.rollup_updated_survey_invitations();

create or replace function private.record_audit() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_skipped text[] := array[
		'updated_at', 'version', 'search_document', 'sla_first_response_due_at', 'sla_resolution_due_at',
		'sla_next_due_at', 'sla_due_soon_at', 'sla_first_response_outcome', 'sla_resolution_outcome',
		'token_hash', 'submission_hash', 'resolution_submission_hash', 'use_count'
	];
	v_old jsonb;
	v_new jsonb;
	v_old_changed jsonb;
	v_new_changed jsonb;
	v_row jsonb;
begin
	if tg_op <> 'INSERT' then
		v_old := to_jsonb(old);
	end if;
	if tg_op <> 'DELETE' then
		v_new := to_jsonb(new);
	end if;
	v_row := coalesce(v_new, v_old);
	if tg_op = 'UPDATE' then
		select jsonb_object_agg(after.key, before.value), jsonb_object_agg(after.key, after.value)
		into v_old_changed, v_new_changed
		from jsonb_each(v_new) as after
		join jsonb_each(v_old) as before on before.key = after.key
		where after.value is distinct from before.value and after.key <> all (v_skipped);
		if v_new_changed is null then
			return null;
		end if;
	else
		v_old_changed := (select jsonb_object_agg(key, value) from jsonb_each(v_old) where key <> all (v_skipped));
		v_new_changed := (select jsonb_object_agg(key, value) from jsonb_each(v_new) where key <> all (v_skipped));
	end if;
	insert into public.audit_log (actor_id, actor_role, table_name, row_id, action, old_values, new_values)
	values (
		(select auth.uid()),
		coalesce((select auth.jwt()) ->> 'role', 'database'),
		tg_table_name,
		v_row ->> tg_argv[0],
		lower(tg_op)::public.audit_action,
		v_old_changed,
		v_new_changed
	);
	return null;
end;
$$;

create table private.invitation_use_shards (
	invitation_id uuid not null references public.survey_invitations (id) on delete cascade,
	shard smallint not null check (shard between 0 and 15),
	uses integer not null check (uses > 0),
	primary key (invitation_id, shard)
);

alter table private.invitation_use_shards enable row level security;

-- Readable wherever the link itself is: the subquery runs under the reader's own policies on invitations.
create policy "Staff read the use counts of the links they can see" on private.invitation_use_shards
	for select to authenticated
	using (exists (select 1 from public.survey_invitations as invitation where invitation.id = invitation_id));

revoke all on private.invitation_use_shards from public, anon, authenticated;
grant select on private.invitation_use_shards to authenticated;

-- Uses of a link: its own count plus its counter rows. The unnamed argument keeps it a computed field
-- (`select=uses`, `order=uses.desc`) rather than an RPC; it runs with the reader's rights.
create function public.uses(public.survey_invitations) returns integer
language sql
stable
set search_path = ''
as $$
	select $1.use_count + coalesce((
		select sum(counter.uses)::integer from private.invitation_use_shards as counter where counter.invitation_id = $1.id
	), 0)
$$;

revoke execute on function public.uses(public.survey_invitations) from public, anon;
grant execute on function public.uses(public.survey_invitations) to authenticated, service_role;

create or replace function public.submit_survey_response(p_token text, p_submission text, p_answers jsonb, p_client_address text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_invitation public.survey_invitations;
	v_submission_hash bytea;
	v_previous public.survey_responses;
	v_refusal text;
	v_definition jsonb;
	v_errors jsonb;
	v_answers jsonb;
	v_score integer;
	v_response public.survey_responses;
begin
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

	-- Uses of a capped link take turns on its row, so each sees the count the previous one left:
	-- fifty concurrent uses of a single-use link store one response.
	if v_invitation.max_uses is not null then
		select * into v_invitation
		from public.survey_invitations as invitation
		where invitation.id = v_invitation.id
		for update;
	end if;

	-- A replay (double tap, retry after a timeout, resubmitted form) gets the first
	-- confirmation, even when that first use left the link used up.
	select * into v_previous from public.survey_responses as response where response.submission_hash = v_submission_hash;
	if found then
		return private.replayed_response(v_previous, v_invitation);
	end if;

	v_refusal := coalesce(private.invitation_refusal(v_invitation), private.survey_refusal(v_invitation));
	if v_refusal is not null then
		return private.outcome(v_refusal);
	end if;
	if v_invitation.survey_id is null then
		return private.invalid('{"_form": "not_offered"}');
	end if;

	select survey.definition into v_definition from public.surveys as survey where survey.id = v_invitation.survey_id;
	v_errors := private.survey_answer_errors(v_definition, p_answers);
	if v_errors <> '{}'::jsonb then
		return private.invalid(v_errors);
	end if;
	v_answers := private.answered_only(p_answers);
	v_score := (v_answers ->> (v_definition ->> 'satisfactionQuestionId'))::integer;

	insert into public.survey_responses (
		survey_id, invitation_id, client_id, contract_id, answers, satisfaction_score, is_satisfied, submission_hash
	)
	values (
		v_invitation.survey_id, v_invitation.id, v_invitation.client_id, v_invitation.contract_id, v_answers, v_score,
		v_score >= (v_definition ->> 'satisfactionThreshold')::integer, v_submission_hash
	)
	on conflict (submission_hash) do nothing
	returning * into v_response;
	if v_response.id is null then
		-- The same submission raced itself on an uncapped link; the other copy was stored.
		select * into v_previous from public.survey_responses as response where response.submission_hash = v_submission_hash;
		return private.replayed_response(v_previous, v_invitation);
	end if;

	-- A capped link's row is ours already (locked above). An uncapped campaign poster is shared by many at
	-- once: its uses go to one of sixteen counter rows, picked by the submission, so they never queue on one row.
	if v_invitation.max_uses is null and v_invitation.kind = 'campaign' then
		insert into private.invitation_use_shards as counter (invitation_id, shard, uses)
		values (v_invitation.id, get_byte(v_submission_hash, 0) % 16, 1)
		on conflict (invitation_id, shard) do update set uses = counter.uses + 1;
	else
		update public.survey_invitations as invitation
		set use_count = invitation.use_count + 1
		where invitation.id = v_invitation.id;
	end if;
	return jsonb_build_object('outcome', 'ok', 'confirmation', jsonb_build_object('submittedAt', v_response.created_at));
end;
$$;

-- The rows kept so far sit in shard 0; spread them as new ones will be.
select public.rebuild_rollups();
