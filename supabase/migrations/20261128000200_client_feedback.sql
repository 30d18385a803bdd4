-- Client feedback: surveys, tokenized invitations (links and QR codes), survey
-- responses, complaints and suggestions, and the replies a client can follow.
--
-- Clients never sign in. Everything they read or write goes through the public
-- SECURITY DEFINER functions at the end of this file, which check the token
-- (only its SHA-256 is stored), its expiry, revocation and use count, validate
-- the payload again (the zod schemas in src/lib/feedback/ hold the same rules),
-- lock the invitation row where a cap applies, count attempts per token and per
-- client address, and answer a jsonb outcome (src/lib/feedback/rpc-types.ts)
-- instead of raising for bad input. anon has no table privilege at all.
--
-- Who may do what (signed-in active staff; anon nothing; service_role bypasses RLS):
--
--   table              | select                          | insert                    | update                    | delete
--   -------------------+---------------------------------+---------------------------+---------------------------+--------------
--   surveys            | every active staff member       | quality, manager, admin   | quality, manager, admin   | same, drafts only
--   survey_invitations | agent, quality, manager, admin: | same as select            | same as select            | admin
--                      | all; account manager: own       |                           |                           |
--                      | clients' invitations            |                           |                           |
--   survey_responses   | same as invitations             | only the public RPC       | nobody                    | admin
--   feedback_items     | same as invitations             | same as select            | same as select            | admin
--   feedback_messages  | whoever can read the item       | whoever can read the item | nobody (a timeline)       | admin
--
-- Why: surveys define what the organisation measures, so quality and managers
-- own them; every staff member hands out links and answers clients; account
-- managers see what concerns their own clients only; responses are records of
-- the process and are never edited.

-- ============================================================================
-- enums
-- ============================================================================

-- Where in the client lifecycle a survey is offered (the process asks for these three).
create type public.survey_trigger_point as enum ('contract_delivery', 'complaint_resolution', 'campaign');

create type public.survey_status as enum ('draft', 'active', 'closed');

-- personal: one client (or one feedback item), capped (single use by default);
-- campaign: multi-use, anonymous or tied to a client, optional cap.
create type public.invitation_kind as enum ('personal', 'campaign');

create type public.feedback_kind as enum ('complaint', 'suggestion', 'compliment');

-- The triage workflow (its transitions are enforced by a later issue).
create type public.feedback_status as enum ('new', 'triaged', 'in_progress', 'resolved', 'closed', 'rejected', 'duplicate');

-- ============================================================================
-- validation helpers (the SQL half of src/lib/feedback/*.ts)
-- ============================================================================

-- Helpers live in private, which PostgREST does not expose (the staff
-- foundation creates the schema; this keeps the file runnable on its own).
create schema if not exists private;

-- Trims like JavaScript's String.prototype.trim closely enough for length rules.
create function private.trim_text(value text) returns text
language sql
immutable
set search_path = ''
as $$
	select regexp_replace(value, '^[[:space:]]+|[[:space:]]+$', '', 'g')
$$;

-- A JSON number that is a whole number within [low, high] (zod's z.int().min().max()).
create function private.is_int_between(value jsonb, low integer, high integer) returns boolean
language sql
immutable
set search_path = ''
as $$
	select coalesce(
		jsonb_typeof(value) = 'number'
			and (value #>> '{}')::numeric = trunc((value #>> '{}')::numeric)
			and (value #>> '{}')::numeric between low and high,
		false
	)
$$;

-- { es, en }: both non-blank strings of at most max_length characters after trimming.
create function private.localized_text_problem(value jsonb, max_length integer) returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	lang text;
begin
	if jsonb_typeof(value) is distinct from 'object' then
		return case when value is null then 'required' else 'invalid' end;
	end if;
	if exists (select 1 from jsonb_object_keys(value) as key where key not in ('es', 'en')) then
		return 'unknown_field';
	end if;
	foreach lang in array array['es', 'en'] loop
		if value -> lang is null then
			return lang || ': required';
		elsif jsonb_typeof(value -> lang) <> 'string' then
			return lang || ': invalid';
		elsif private.trim_text(value ->> lang) = '' then
			return lang || ': required';
		elsif char_length(private.trim_text(value ->> lang)) > max_length then
			return lang || ': too_long';
		end if;
	end loop;
	return null;
end;
$$;

-- Limits of src/lib/feedback/survey-definition.ts (SCALE_RANGES, TEXT_ANSWER_CAPS, SURVEY_LIMITS).
create function private.scale_range(question_type text, out low integer, out high integer)
language sql
immutable
set search_path = ''
as $$
	select case question_type when 'nps' then 0 else 1 end,
		case question_type when 'nps' then 10 else 5 end
	where question_type in ('nps', 'csat', 'rating')
$$;

create function private.text_answer_cap(question_type text) returns integer
language sql
immutable
set search_path = ''
as $$
	select case question_type when 'short_text' then 200 when 'long_text' then 4000 end
$$;

-- Null when the definition is valid, else '<path>: <code>' for the first problem.
-- Mirrors surveyDefinitionSchema's structural rules: known keys only, question
-- types, unique stable ids, options of choice questions, text limits, and a
-- required scale question as the satisfaction question with the threshold on its scale.
create function private.survey_definition_problem(definition jsonb) returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
	id_pattern constant text := '^[a-z][a-z0-9_]{0,39}$';
	question jsonb;
	question_type text;
	question_path text;
	choice_option jsonb;
	option_ids text[];
	question_ids text[] := '{}';
	problem text;
	key text;
	satisfaction jsonb;
	scale record;
	question_position integer := 0;
begin
	if jsonb_typeof(definition) is distinct from 'object' then
		return 'definition: invalid';
	end if;
	select k into key from jsonb_object_keys(definition) as k
	where k not in ('title', 'intro', 'thanks', 'questions', 'satisfactionQuestionId', 'satisfactionThreshold')
	limit 1;
	if key is not null then
		return key || ': unknown_field';
	end if;
	foreach key in array array['title', 'intro', 'thanks'] loop
		problem := private.localized_text_problem(definition -> key, case key when 'title' then 120 else 1000 end);
		if problem is not null then
			return key || ': ' || problem;
		end if;
	end loop;

	if jsonb_typeof(definition -> 'questions') is distinct from 'array' then
		return 'questions: invalid';
	elsif jsonb_array_length(definition -> 'questions') = 0 then
		return 'questions: too_short';
	elsif jsonb_array_length(definition -> 'questions') > 30 then
		return 'questions: too_long';
	end if;

	for question in select value from jsonb_array_elements(definition -> 'questions') loop
		question_path := 'questions.' || question_position;
		question_position := question_position + 1;
		if jsonb_typeof(question) <> 'object' then
			return question_path || ': invalid';
		end if;
		question_type := case when jsonb_typeof(question -> 'type') = 'string' then question ->> 'type' end;
		if question_type is null
			or question_type not in ('nps', 'csat', 'rating', 'single_choice', 'multiple_choice', 'short_text', 'long_text') then
			return question_path || '.type: invalid';
		end if;
		select k into key from jsonb_object_keys(question) as k
		where k not in ('id', 'type', 'label', 'required')
			and not (k = 'options' and question_type in ('single_choice', 'multiple_choice'))
			and not (k = 'maxLength' and question_type in ('short_text', 'long_text'))
		limit 1;
		if key is not null then
			return question_path || '.' || key || ': unknown_field';
		end if;
		if jsonb_typeof(question -> 'id') is distinct from 'string' or (question ->> 'id') !~ id_pattern then
			return question_path || '.id: invalid';
		elsif (question ->> 'id') = any (question_ids) then
			return question_path || '.id: duplicate_id';
		end if;
		question_ids := question_ids || (question ->> 'id');
		problem := private.localized_text_problem(question -> 'label', 300);
		if problem is not null then
			return question_path || '.label: ' || problem;
		end if;
		if jsonb_typeof(question -> 'required') is distinct from 'boolean' then
			return question_path || '.required: invalid';
		end if;

		if question_type in ('single_choice', 'multiple_choice') then
			if jsonb_typeof(question -> 'options') is distinct from 'array' then
				return question_path || '.options: invalid';
			elsif jsonb_array_length(question -> 'options') < 2 then
				return question_path || '.options: too_short';
			elsif jsonb_array_length(question -> 'options') > 20 then
				return question_path || '.options: too_long';
			end if;
			option_ids := '{}';
			for choice_option in select value from jsonb_array_elements(question -> 'options') loop
				if jsonb_typeof(choice_option) <> 'object'
					or exists (select 1 from jsonb_object_keys(choice_option) as k where k not in ('id', 'label'))
					or jsonb_typeof(choice_option -> 'id') is distinct from 'string'
					or (choice_option ->> 'id') !~ id_pattern
					or private.localized_text_problem(choice_option -> 'label', 300) is not null then
					return question_path || '.options: invalid';
				elsif (choice_option ->> 'id') = any (option_ids) then
					return question_path || '.options: duplicate_id';
				end if;
				option_ids := option_ids || (choice_option ->> 'id');
			end loop;
		end if;

		if question ? 'maxLength'
			and not private.is_int_between(question -> 'maxLength', 1, private.text_answer_cap(question_type)) then
			return question_path || '.maxLength: invalid';
		end if;
	end loop;

	if jsonb_typeof(definition -> 'satisfactionQuestionId') is distinct from 'string' then
		return 'satisfactionQuestionId: invalid';
	end if;
	select value into satisfaction from jsonb_array_elements(definition -> 'questions')
	where value ->> 'id' = definition ->> 'satisfactionQuestionId';
	-- SC needs a satisfaction answer from every respondent, hence required.
	if satisfaction is null
		or satisfaction ->> 'type' not in ('nps', 'csat', 'rating')
		or satisfaction -> 'required' is distinct from 'true'::jsonb then
		return 'satisfactionQuestionId: invalid';
	end if;
	select * into scale from private.scale_range(satisfaction ->> 'type');
	if jsonb_typeof(definition -> 'satisfactionThreshold') is distinct from 'number'
		or not private.is_int_between(definition -> 'satisfactionThreshold', -2147483648, 2147483647) then
		return 'satisfactionThreshold: invalid';
	elsif not private.is_int_between(definition -> 'satisfactionThreshold', scale.low, scale.high) then
		return 'satisfactionThreshold: out_of_range';
	end if;
	return null;
end;
$$;

-- Field errors of an answers object against a valid definition ('{}' when valid):
-- question id → required | invalid | too_long, unknown question id → unknown_field.
-- Mirrors answersSchemaFor: a blank text or an empty choice list is no answer.
create function private.survey_answer_errors(definition jsonb, answers jsonb) returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
	errors jsonb := '{}';
	question jsonb;
	question_id text;
	question_type text;
	is_required boolean;
	answer jsonb;
	option_ids text[];
	scale record;
	unknown_id text;
begin
	if jsonb_typeof(answers) is distinct from 'object' then
		return jsonb_build_object('_form', 'invalid');
	end if;
	-- Far more keys than any survey has questions: refuse before looking at each.
	if (select count(*) from jsonb_object_keys(answers)) > 100 then
		return jsonb_build_object('_form', 'invalid');
	end if;
	for unknown_id in
		select key from jsonb_object_keys(answers) as key
		where key not in (select value ->> 'id' from jsonb_array_elements(definition -> 'questions'))
	loop
		errors := errors || jsonb_build_object(unknown_id, 'unknown_field');
	end loop;

	for question in select value from jsonb_array_elements(definition -> 'questions') loop
		question_id := question ->> 'id';
		question_type := question ->> 'type';
		is_required := (question -> 'required') = 'true'::jsonb;
		answer := answers -> question_id;
		if answer is null then
			if is_required then
				errors := errors || jsonb_build_object(question_id, 'required');
			end if;
			continue;
		end if;

		if question_type in ('nps', 'csat', 'rating') then
			select * into scale from private.scale_range(question_type);
			if not private.is_int_between(answer, scale.low, scale.high) then
				errors := errors || jsonb_build_object(question_id, 'invalid');
			end if;
		elsif question_type in ('single_choice', 'multiple_choice') then
			select array_agg(value ->> 'id') into option_ids from jsonb_array_elements(question -> 'options');
			if question_type = 'single_choice' then
				if jsonb_typeof(answer) <> 'string' or not ((answer #>> '{}') = any (option_ids)) then
					errors := errors || jsonb_build_object(question_id, 'invalid');
				end if;
			elsif jsonb_typeof(answer) <> 'array'
				or exists (
					select 1 from jsonb_array_elements(answer) as chosen
					where jsonb_typeof(chosen) <> 'string' or not ((chosen #>> '{}') = any (option_ids))
				)
				or (select count(distinct value) from jsonb_array_elements(answer)) <> jsonb_array_length(answer) then
				errors := errors || jsonb_build_object(question_id, 'invalid');
			elsif is_required and jsonb_array_length(answer) = 0 then
				errors := errors || jsonb_build_object(question_id, 'required');
			end if;
		else
			if jsonb_typeof(answer) <> 'string' then
				errors := errors || jsonb_build_object(question_id, 'invalid');
			elsif char_length(answer #>> '{}') > coalesce((question ->> 'maxLength')::integer, private.text_answer_cap(question_type)) then
				errors := errors || jsonb_build_object(question_id, 'too_long');
			elsif is_required and private.trim_text(answer #>> '{}') = '' then
				errors := errors || jsonb_build_object(question_id, 'required');
			end if;
		end if;
	end loop;
	return errors;
end;
$$;

-- The answers worth storing: blank texts and empty choice lists (optional, unanswered) dropped.
create function private.answered_only(answers jsonb) returns jsonb
language sql
immutable
set search_path = ''
as $$
	select coalesce(jsonb_object_agg(key, value), '{}')
	from jsonb_each(answers)
	where not (jsonb_typeof(value) = 'string' and private.trim_text(value #>> '{}') = '')
		and value <> '[]'::jsonb
$$;


-- ============================================================================
-- tables
-- ============================================================================

create table public.surveys (
	id uuid primary key default gen_random_uuid(),
	trigger_point public.survey_trigger_point not null default 'campaign',
	status public.survey_status not null default 'draft',
	-- Validated by the surveys_check_definition trigger (private.survey_definition_problem).
	definition jsonb not null,
	-- A survey with responses keeps its questions; changing them makes a new version (a new row).
	version integer not null default 1 check (version >= 1),
	previous_version_id uuid unique references public.surveys (id) on delete restrict,
	created_by uuid references public.staff_members (user_id) on delete set null default auth.uid(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index surveys_trigger_point_status_idx on public.surveys (trigger_point, status);

-- Complaints, suggestions and compliments. Limits repeat src/lib/feedback/feedback-item.ts.
create table public.feedback_items (
	id uuid primary key default gen_random_uuid(),
	kind public.feedback_kind not null,
	status public.feedback_status not null default 'new',
	category text not null check (category in ('product', 'delivery', 'service', 'billing', 'communication', 'other')),
	subject text not null check (btrim(subject) <> '' and char_length(subject) <= 120),
	description text not null check (char_length(description) between 10 and 4000),
	contact_email text check (char_length(contact_email) <= 254
		and contact_email ~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$'),
	contact_phone text check (char_length(contact_phone) <= 32),
	contact_consent boolean not null default false,
	client_id uuid references public.clients (id) on delete set null,
	contract_id uuid,
	-- The link it came through (null when staff recorded it); its foreign key follows the invitations table.
	invitation_id uuid,
	-- SHA-256 of the submission token, which is also the tracking token (/t/<token>);
	-- null for items staff record.
	submission_hash bytea unique check (octet_length(submission_hash) = 32),
	resolved_at timestamptz,
	-- "Were you satisfied with the solution?", answered once on the tracking page.
	resolution_satisfied boolean,
	resolution_submission_hash bytea unique check (octet_length(resolution_submission_hash) = 32),
	resolution_answered_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint feedback_items_contract_needs_client check (contract_id is null or client_id is not null),
	-- The contract exists and belongs to the same client (the key the staff foundation provides).
	constraint feedback_items_contract_id_fkey foreign key (contract_id, client_id)
		references public.contracts (id, client_id) on delete set null (contract_id),
	constraint feedback_items_resolution_answer check ((resolution_satisfied is null) = (resolution_answered_at is null))
);

create index feedback_items_status_created_at_idx on public.feedback_items (status, created_at desc);
create index feedback_items_client_id_idx on public.feedback_items (client_id, created_at desc);
create index feedback_items_contract_id_idx on public.feedback_items (contract_id);
create index feedback_items_invitation_id_idx on public.feedback_items (invitation_id);

create table public.survey_invitations (
	id uuid primary key default gen_random_uuid(),
	kind public.invitation_kind not null,
	-- Null when the link offers only a complaint and/or a suggestion.
	survey_id uuid references public.surveys (id) on delete restrict,
	offers_survey boolean not null generated always as (survey_id is not null) stored,
	offers_complaint boolean not null default false,
	offers_suggestion boolean not null default false,
	-- SHA-256 of the raw token; the raw token is shown once (create_invitations,
	-- reissue_invitation_link) and never stored, so a database leak leaks no link.
	token_hash bytea not null unique check (octet_length(token_hash) = 32),
	client_id uuid references public.clients (id) on delete cascade,
	contract_id uuid,
	-- The resolved item a complaint-resolution survey asks about.
	feedback_item_id uuid references public.feedback_items (id) on delete cascade,
	-- Caps survey responses (personal: 1 unless set); complaints and suggestions are not capped.
	max_uses integer check (max_uses >= 1),
	use_count integer not null default 0 check (use_count >= 0),
	expires_at timestamptz,
	revoked_at timestamptz,
	label text check (char_length(label) <= 200),
	created_by uuid references public.staff_members (user_id) on delete set null default auth.uid(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint survey_invitations_offers_something check (survey_id is not null or offers_complaint or offers_suggestion),
	constraint survey_invitations_personal_has_someone check (kind = 'campaign' or client_id is not null or feedback_item_id is not null),
	constraint survey_invitations_personal_is_capped check (kind = 'campaign' or max_uses is not null),
	constraint survey_invitations_contract_needs_client check (contract_id is null or client_id is not null),
	constraint survey_invitations_contract_id_fkey foreign key (contract_id, client_id)
		references public.contracts (id, client_id) on delete set null (contract_id)
);

create index survey_invitations_survey_id_idx on public.survey_invitations (survey_id);
create index survey_invitations_client_id_idx on public.survey_invitations (client_id);
create index survey_invitations_contract_id_idx on public.survey_invitations (contract_id);
create index survey_invitations_feedback_item_id_idx on public.survey_invitations (feedback_item_id);

alter table public.feedback_items
	add constraint feedback_items_invitation_id_fkey foreign key (invitation_id)
	references public.survey_invitations (id) on delete set null;

create table public.survey_responses (
	id uuid primary key default gen_random_uuid(),
	survey_id uuid not null references public.surveys (id) on delete restrict,
	invitation_id uuid references public.survey_invitations (id) on delete set null,
	client_id uuid references public.clients (id) on delete set null,
	contract_id uuid references public.contracts (id) on delete set null,
	-- Validated against the survey's definition by submit_survey_response; unanswered optional questions left out.
	answers jsonb not null check (jsonb_typeof(answers) = 'object'),
	-- The satisfaction question's answer and whether it met the threshold when answered (SC counts these).
	satisfaction_score integer check (satisfaction_score between 0 and 10),
	is_satisfied boolean,
	-- SHA-256 of the submission token: the same form sent twice stores one row.
	submission_hash bytea not null unique check (octet_length(submission_hash) = 32),
	created_at timestamptz not null default now()
);

create index survey_responses_survey_id_created_at_idx on public.survey_responses (survey_id, created_at);
create index survey_responses_client_id_created_at_idx on public.survey_responses (client_id, created_at);
create index survey_responses_invitation_id_idx on public.survey_responses (invitation_id);
create index survey_responses_contract_id_idx on public.survey_responses (contract_id);

-- The timeline of an item: public replies show on the client's tracking page
-- (without the author); internal notes never leave the staff portal.
create table public.feedback_messages (
	id uuid primary key default gen_random_uuid(),
	feedback_item_id uuid not null references public.feedback_items (id) on delete cascade,
	body text not null check (btrim(body) <> '' and char_length(body) <= 4000),
	is_public boolean not null default false,
	author_id uuid references public.staff_members (user_id) on delete set null default auth.uid(),
	created_at timestamptz not null default now()
);

create index feedback_messages_feedback_item_id_idx on public.feedback_messages (feedback_item_id, created_at);

-- Attempts per minute, per bucket ('address:<sha-256 of the address>',
-- 'invitation:<id>', 'item:<id>'). Unlogged: counters need no crash safety and
-- should cost no WAL on the submission path. Old windows are pruned as it runs.
create unlogged table private.rate_limit_counters (
	bucket text not null,
	window_start timestamptz not null,
	attempts integer not null,
	primary key (bucket, window_start)
);

-- Limits per scope, editable without a migration (the benchmark raises them).
create table private.rate_limit_rules (
	scope text primary key,
	max_attempts_per_minute integer not null check (max_attempts_per_minute >= 1),
	note text
);

insert into private.rate_limit_rules (scope, max_attempts_per_minute, note) values
	('address', 30, 'submissions from one client address, all public RPCs together'),
	('personal_invitation', 10, 'submissions through one personal link'),
	('campaign_invitation', 600, 'submissions through one campaign link (a poster is shared by many)'),
	('item', 10, 'resolution answers on one tracking link');

-- ============================================================================
-- token helpers
-- ============================================================================

-- The hash stored for any token (link, submission, tracking); src/lib/server/tokens.ts
-- sha256Hex computes the same bytes in hex.
create function private.token_hash(token text) returns bytea
language sql
immutable
strict
set search_path = ''
as $$
	select extensions.digest(token, 'sha256')
$$;

-- 128 random bits as 22 base64url characters, like newToken() in src/lib/server/tokens.ts.
create function private.new_token() returns text
language sql
volatile
set search_path = ''
as $$
	select rtrim(translate(encode(extensions.gen_random_bytes(16), 'base64'), '+/', '-_'), '=')
$$;

-- ============================================================================
-- triggers
-- ============================================================================

create trigger surveys_set_updated_at before update on public.surveys
	for each row execute function private.set_updated_at();
create trigger survey_invitations_set_updated_at before update on public.survey_invitations
	for each row execute function private.set_updated_at();
create trigger feedback_items_set_updated_at before update on public.feedback_items
	for each row execute function private.set_updated_at();

-- A trigger rather than a CHECK so the error names the problem for the editor.
create function private.check_survey_definition() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	problem text := private.survey_definition_problem(new.definition);
begin
	if problem is not null then
		raise exception 'invalid survey definition: %', problem using errcode = '23514';
	end if;
	return new;
end;
$$;

create trigger surveys_check_definition before insert or update of definition on public.surveys
	for each row execute function private.check_survey_definition();

-- A new version follows the one it replaces.
create function private.number_survey_version() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.previous_version_id is not null then
		select previous.version + 1 into new.version from public.surveys as previous where previous.id = new.previous_version_id;
	else
		new.version := 1;
	end if;
	return new;
end;
$$;

create trigger surveys_number_version before insert on public.surveys
	for each row execute function private.number_survey_version();

-- Stored answers are keyed by question and option ids and scored by the
-- satisfaction question: once a survey has responses those must keep their
-- meaning. Texts may change; removing or retyping a question, removing an
-- option, or moving the satisfaction question or threshold needs a new version.
create function private.keep_answered_questions() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	old_question jsonb;
	new_question jsonb;
begin
	if not exists (select 1 from public.survey_responses as response where response.survey_id = old.id) then
		return new;
	end if;
	for old_question in select value from jsonb_array_elements(old.definition -> 'questions') loop
		select value into new_question from jsonb_array_elements(new.definition -> 'questions')
		where value ->> 'id' = old_question ->> 'id';
		if new_question is null then
			raise exception 'survey % has responses: question % cannot be removed (create a new version)', old.id, old_question ->> 'id'
				using errcode = '23514';
		elsif new_question ->> 'type' <> old_question ->> 'type' then
			raise exception 'survey % has responses: question % cannot change type (create a new version)', old.id, old_question ->> 'id'
				using errcode = '23514';
		elsif exists (
			select 1 from jsonb_array_elements(old_question -> 'options') as old_option
			where not exists (
				select 1 from jsonb_array_elements(new_question -> 'options') as new_option
				where new_option ->> 'id' = old_option ->> 'id'
			)
		) then
			raise exception 'survey % has responses: options of question % cannot be removed (create a new version)', old.id, old_question ->> 'id'
				using errcode = '23514';
		end if;
	end loop;
	if new.definition -> 'satisfactionQuestionId' is distinct from old.definition -> 'satisfactionQuestionId'
		or new.definition -> 'satisfactionThreshold' is distinct from old.definition -> 'satisfactionThreshold' then
		raise exception 'survey % has responses: its satisfaction question and threshold are fixed (create a new version)', old.id
			using errcode = '23514';
	end if;
	return new;
end;
$$;

create trigger surveys_keep_answered_questions before update of definition on public.surveys
	for each row when (old.definition is distinct from new.definition)
	execute function private.keep_answered_questions();

-- Personal links are single-use unless staff set a cap; a contract brings its client.
create function private.prepare_invitation() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.kind = 'personal' and new.max_uses is null then
		new.max_uses := 1;
	end if;
	if new.contract_id is not null and new.client_id is null then
		select contract.client_id into new.client_id from public.contracts as contract where contract.id = new.contract_id;
	end if;
	if new.feedback_item_id is not null and new.client_id is null then
		select item.client_id into new.client_id from public.feedback_items as item where item.id = new.feedback_item_id;
	end if;
	return new;
end;
$$;

create trigger survey_invitations_prepare before insert on public.survey_invitations
	for each row execute function private.prepare_invitation();

-- How long a link made at a lifecycle point stays open.
create function private.lifecycle_invitation_lifetime() returns interval
language sql
immutable
set search_path = ''
as $$
	select interval '30 days'
$$;

-- Lifecycle point (a): a contract marked delivered gets a personal invitation per
-- active contract-delivery survey. Its random token is never known; staff reissue
-- the link (reissue_invitation_link) to obtain one to send. Security definer: the
-- staff member delivering the contract need not be allowed to create invitations.
create function private.invite_after_delivery() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	insert into public.survey_invitations (kind, survey_id, token_hash, client_id, contract_id, max_uses, expires_at, label)
	select 'personal', survey.id, private.token_hash(private.new_token()), new.client_id, new.id, 1,
		now() + private.lifecycle_invitation_lifetime(), 'Entrega ' || new.reference
	from public.surveys as survey
	where survey.trigger_point = 'contract_delivery' and survey.status = 'active';
	return null;
end;
$$;

create trigger contracts_invite_after_delivery after update of delivered_at on public.contracts
	for each row when (old.delivered_at is null and new.delivered_at is not null)
	execute function private.invite_after_delivery();

-- resolved_at follows the status: set on resolution, cleared if the item is reopened.
create function private.track_resolution() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if new.status = 'resolved' and old.status <> 'resolved' then
		new.resolved_at := coalesce(new.resolved_at, now());
	elsif new.status in ('new', 'triaged', 'in_progress') then
		new.resolved_at := null;
	end if;
	return new;
end;
$$;

create trigger feedback_items_track_resolution before update of status on public.feedback_items
	for each row execute function private.track_resolution();

-- Lifecycle point (b): an item that becomes resolved gets an invitation per active
-- complaint-resolution survey, tied to the item.
create function private.invite_after_resolution() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	insert into public.survey_invitations (kind, survey_id, token_hash, client_id, feedback_item_id, max_uses, expires_at, label)
	select 'personal', survey.id, private.token_hash(private.new_token()), new.client_id, new.id, 1,
		now() + private.lifecycle_invitation_lifetime(), 'Resolución: ' || left(new.subject, 100)
	from public.surveys as survey
	where survey.trigger_point = 'complaint_resolution' and survey.status = 'active';
	return null;
end;
$$;

create trigger feedback_items_invite_after_resolution after update of status on public.feedback_items
	for each row when (new.status = 'resolved' and old.status is distinct from 'resolved')
	execute function private.invite_after_resolution();

-- ============================================================================
-- RLS policies
-- ============================================================================

alter table public.surveys enable row level security;
alter table public.survey_invitations enable row level security;
alter table public.survey_responses enable row level security;
alter table public.feedback_items enable row level security;
alter table public.feedback_messages enable row level security;
-- Reached only through security-definer functions; RLS with no policy denies anyone else.
alter table private.rate_limit_counters enable row level security;
alter table private.rate_limit_rules enable row level security;

-- surveys -----------------------------------------------------------------------

create policy "Active staff can read surveys" on public.surveys
	for select to authenticated
	using ((select private.current_staff_role()) is not null);

create policy "Quality staff, managers and admins can create surveys" on public.surveys
	for insert to authenticated
	with check ((select private.has_staff_role('quality', 'manager', 'admin')));

create policy "Quality staff, managers and admins can edit surveys" on public.surveys
	for update to authenticated
	using ((select private.has_staff_role('quality', 'manager', 'admin')))
	with check ((select private.has_staff_role('quality', 'manager', 'admin')));

create policy "Quality staff, managers and admins can delete draft surveys" on public.surveys
	for delete to authenticated
	using ((select private.has_staff_role('quality', 'manager', 'admin')) and status = 'draft');

-- survey_invitations --------------------------------------------------------------

create policy "Agents, quality, managers and admins can read all invitations" on public.survey_invitations
	for select to authenticated
	using ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')));

create policy "Account managers can read their clients' invitations" on public.survey_invitations
	for select to authenticated
	using ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Agents, quality, managers and admins can create invitations" on public.survey_invitations
	for insert to authenticated
	with check ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')));

create policy "Account managers can create invitations for their clients" on public.survey_invitations
	for insert to authenticated
	with check ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Agents, quality, managers and admins can edit all invitations" on public.survey_invitations
	for update to authenticated
	using ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')))
	with check ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')));

create policy "Account managers can edit their clients' invitations" on public.survey_invitations
	for update to authenticated
	using ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)))
	with check ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Admins can delete invitations" on public.survey_invitations
	for delete to authenticated
	using ((select private.has_staff_role('admin')));

-- survey_responses (written only by submit_survey_response) --------------------------

create policy "Agents, quality, managers and admins can read all responses" on public.survey_responses
	for select to authenticated
	using ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')));

create policy "Account managers can read their clients' responses" on public.survey_responses
	for select to authenticated
	using ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Admins can delete responses" on public.survey_responses
	for delete to authenticated
	using ((select private.has_staff_role('admin')));

-- feedback_items ----------------------------------------------------------------

create policy "Agents, quality, managers and admins can read all feedback" on public.feedback_items
	for select to authenticated
	using ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')));

create policy "Account managers can read their clients' feedback" on public.feedback_items
	for select to authenticated
	using ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

-- Staff record feedback that arrives by phone, e-mail or at the counter.
create policy "Agents, quality, managers and admins can record feedback" on public.feedback_items
	for insert to authenticated
	with check ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')));

create policy "Account managers can record their clients' feedback" on public.feedback_items
	for insert to authenticated
	with check ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Agents, quality, managers and admins can triage all feedback" on public.feedback_items
	for update to authenticated
	using ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')))
	with check ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')));

create policy "Account managers can triage their clients' feedback" on public.feedback_items
	for update to authenticated
	using ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)))
	with check ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Admins can delete feedback" on public.feedback_items
	for delete to authenticated
	using ((select private.has_staff_role('admin')));

-- feedback_messages (the sub-select sees feedback_items through its own policies) --

create policy "Staff can read the messages of feedback they can read" on public.feedback_messages
	for select to authenticated
	using (exists (select 1 from public.feedback_items as item where item.id = feedback_item_id));

create policy "Staff can write on feedback they can read, as themselves" on public.feedback_messages
	for insert to authenticated
	with check (
		author_id = (select auth.uid())
		and exists (select 1 from public.feedback_items as item where item.id = feedback_item_id)
	);

create policy "Admins can delete messages" on public.feedback_messages
	for delete to authenticated
	using ((select private.has_staff_role('admin')));

-- ============================================================================
-- submission helpers (used by the public functions below, never granted)
-- ============================================================================

-- Counts one attempt in the current minute's window; true when over the scope's limit.
create function private.over_rate_limit(p_scope text, p_bucket text) returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_attempts integer;
	v_max_attempts integer;
begin
	insert into private.rate_limit_counters as counter (bucket, window_start, attempts)
	values (p_bucket, date_trunc('minute', now()), 1)
	on conflict (bucket, window_start) do update set attempts = counter.attempts + 1
	returning counter.attempts into v_attempts;
	-- Now and then, forget finished windows (cheap, and needs no scheduler).
	if random() < 0.01 then
		delete from private.rate_limit_counters as counter
		where counter.window_start < date_trunc('minute', now()) - interval '1 minute';
	end if;
	select rule.max_attempts_per_minute into v_max_attempts from private.rate_limit_rules as rule where rule.scope = p_scope;
	return v_attempts > coalesce(v_max_attempts, 2147483647);
end;
$$;

-- The per-address limit. The address is hashed so no IP address is kept, even for a minute.
-- Without an address (a direct API call) only the per-token limits apply.
create function private.address_over_limit(client_address text) returns boolean
language sql
security definer
set search_path = ''
as $$
	select case
		when nullif(btrim(client_address), '') is null then false
		else private.over_rate_limit('address', 'address:' || encode(private.token_hash(left(btrim(client_address), 100)), 'hex'))
	end
$$;

create function private.invitation_over_limit(invitation public.survey_invitations) returns boolean
language sql
security definer
set search_path = ''
as $$
	select private.over_rate_limit(invitation.kind || '_invitation', 'invitation:' || invitation.id)
$$;

-- The invitation a raw token opens, or null. Over-long input is no token (and is not hashed).
create function private.invitation_for_token(token text) returns public.survey_invitations
language sql
stable
security definer
set search_path = ''
as $$
	select invitation.*
	from public.survey_invitations as invitation
	where char_length(token) <= 200 and invitation.token_hash = private.token_hash(token)
$$;

-- Why a link cannot be used at all right now, or null. Revocation is a deliberate act, so it wins.
create function private.invitation_refusal(invitation public.survey_invitations) returns text
language sql
stable
set search_path = ''
as $$
	select case
		when invitation.revoked_at is not null then 'revoked'
		when invitation.expires_at is not null and invitation.expires_at <= now() then 'expired'
	end
$$;

-- Why the link's survey cannot be answered, or null (also null when it offers no survey).
create function private.survey_refusal(invitation public.survey_invitations) returns text
language sql
stable
security definer
set search_path = ''
as $$
	select case
		when invitation.survey_id is null then null
		when (select survey.status from public.surveys as survey where survey.id = invitation.survey_id) <> 'active' then 'survey_closed'
		when invitation.max_uses is not null and invitation.use_count >= invitation.max_uses then 'already_used'
	end
$$;

-- A submission token must be a long random base64url string: it becomes a tracking link.
create function private.is_submission_token(token text) returns boolean
language sql
immutable
set search_path = ''
as $$
	select coalesce(token ~ '^[A-Za-z0-9_-]{22,128}$', false)
$$;

create function private.outcome(outcome text) returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('outcome', outcome)
$$;

create function private.invalid(errors jsonb) returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('outcome', 'invalid', 'errors', errors)
$$;

-- Field errors of a complaint or suggestion ('{}' when valid). Mirrors
-- feedbackItemSchema (src/lib/feedback/feedback-item.ts) and adds what only the
-- database knows: which kinds the link offers, and the link's client's contracts.
create function private.feedback_item_errors(item jsonb, invitation public.survey_invitations) returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
	errors jsonb := '{}';
	key text;
	text_value text;
begin
	if jsonb_typeof(item) is distinct from 'object' then
		return jsonb_build_object('_form', 'invalid');
	end if;
	for key in
		select k from jsonb_object_keys(item) as k
		where k not in ('kind', 'category', 'subject', 'description', 'contact_email', 'contact_phone',
			'contact_consent', 'contract_id', 'website')
		limit 20
	loop
		errors := errors || jsonb_build_object(key, 'unknown_field');
	end loop;

	if item -> 'kind' is null then
		errors := errors || '{"kind": "required"}';
	elsif jsonb_typeof(item -> 'kind') <> 'string' or item ->> 'kind' not in ('complaint', 'suggestion') then
		errors := errors || '{"kind": "invalid"}';
	elsif (item ->> 'kind' = 'complaint' and not invitation.offers_complaint)
		or (item ->> 'kind' = 'suggestion' and not invitation.offers_suggestion) then
		errors := errors || '{"kind": "not_offered"}';
	end if;

	if item -> 'category' is null then
		errors := errors || '{"category": "required"}';
	elsif jsonb_typeof(item -> 'category') <> 'string'
		or item ->> 'category' not in ('product', 'delivery', 'service', 'billing', 'communication', 'other') then
		errors := errors || '{"category": "invalid"}';
	end if;

	if item -> 'subject' is null then
		errors := errors || '{"subject": "required"}';
	elsif jsonb_typeof(item -> 'subject') <> 'string' then
		errors := errors || '{"subject": "invalid"}';
	else
		text_value := private.trim_text(item ->> 'subject');
		if text_value = '' then
			errors := errors || '{"subject": "required"}';
		elsif char_length(text_value) > 120 then
			errors := errors || '{"subject": "too_long"}';
		end if;
	end if;

	if item -> 'description' is null then
		errors := errors || '{"description": "required"}';
	elsif jsonb_typeof(item -> 'description') <> 'string' then
		errors := errors || '{"description": "invalid"}';
	else
		text_value := private.trim_text(item ->> 'description');
		if char_length(text_value) < 10 then
			errors := errors || '{"description": "too_short"}';
		elsif char_length(text_value) > 4000 then
			errors := errors || '{"description": "too_long"}';
		end if;
	end if;

	if item -> 'contact_email' is not null then
		if jsonb_typeof(item -> 'contact_email') <> 'string' then
			errors := errors || '{"contact_email": "invalid"}';
		else
			text_value := private.trim_text(item ->> 'contact_email');
			if char_length(text_value) > 254 then
				errors := errors || '{"contact_email": "too_long"}';
			elsif text_value <> '' and text_value !~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$' then
				errors := errors || '{"contact_email": "email_invalid"}';
			end if;
		end if;
	end if;

	if item -> 'contact_phone' is not null then
		if jsonb_typeof(item -> 'contact_phone') <> 'string' then
			errors := errors || '{"contact_phone": "invalid"}';
		else
			text_value := private.trim_text(item ->> 'contact_phone');
			if char_length(text_value) > 32 then
				errors := errors || '{"contact_phone": "too_long"}';
			elsif text_value <> '' and regexp_replace(text_value, '[ .()-]', '', 'g') !~ '^\+?[0-9]{6,15}$' then
				errors := errors || '{"contact_phone": "invalid"}';
			end if;
		end if;
	end if;

	if item -> 'contact_consent' is not null and jsonb_typeof(item -> 'contact_consent') <> 'boolean' then
		errors := errors || '{"contact_consent": "invalid"}';
	end if;

	if item -> 'contract_id' is not null and item -> 'contract_id' <> '""'::jsonb then
		if jsonb_typeof(item -> 'contract_id') <> 'string'
			or (item ->> 'contract_id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
			-- Only a contract of the link's own client; an anonymous link names none.
			or invitation.client_id is null
			or not exists (
				select 1 from public.contracts as contract
				where contract.id = (item ->> 'contract_id')::uuid and contract.client_id = invitation.client_id
			) then
			errors := errors || '{"contract_id": "invalid"}';
		end if;
	end if;

	-- The honeypot: hidden from people, filled by bots.
	if item -> 'website' is not null and item -> 'website' <> '""'::jsonb then
		errors := errors || '{"website": "invalid"}';
	end if;
	return errors;
end;
$$;

-- A submission token seen before: the first confirmation again, nothing stored.
-- A token already used through another link is refused rather than answered for.
create function private.replayed_response(previous public.survey_responses, invitation public.survey_invitations) returns jsonb
language sql
immutable
set search_path = ''
as $$
	select case
		when previous.invitation_id is distinct from invitation.id then private.invalid('{"submission": "invalid"}')
		else jsonb_build_object('outcome', 'duplicate', 'confirmation', jsonb_build_object('submittedAt', previous.created_at))
	end
$$;

create function private.item_confirmation(item public.feedback_items, tracking_token text) returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('kind', item.kind, 'trackingToken', tracking_token, 'submittedAt', item.created_at)
$$;

create function private.replayed_item(previous public.feedback_items, invitation public.survey_invitations, tracking_token text) returns jsonb
language sql
immutable
set search_path = ''
as $$
	select case
		when previous.invitation_id is distinct from invitation.id then private.invalid('{"submission": "invalid"}')
		else jsonb_build_object('outcome', 'duplicate', 'confirmation', private.item_confirmation(previous, tracking_token))
	end
$$;

-- Resolved (or closed after a resolution) and not answered yet.
create function private.can_rate_resolution(item public.feedback_items) returns boolean
language sql
immutable
set search_path = ''
as $$
	select item.resolved_at is not null and item.status in ('resolved', 'closed') and item.resolution_satisfied is null
$$;

create function private.resolution_confirmation(item public.feedback_items) returns jsonb
language sql
immutable
set search_path = ''
as $$
	select jsonb_build_object('satisfied', item.resolution_satisfied, 'submittedAt', item.resolution_answered_at)
$$;

-- ============================================================================
-- public functions: the client's side (anon), answering outcomes, never raising for bad input
-- ============================================================================

-- What /f/<token> shows: the survey (if offered and open) and the complaint/suggestion choice.
create function public.get_feedback_page(p_token text) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	v_invitation public.survey_invitations := private.invitation_for_token(p_token);
	v_refusal text;
	v_survey_refusal text;
	v_survey jsonb;
	v_offers_item boolean;
begin
	if v_invitation.id is null then
		return private.outcome('unknown_token');
	end if;
	v_refusal := private.invitation_refusal(v_invitation);
	if v_refusal is not null then
		return private.outcome(v_refusal);
	end if;
	v_offers_item := v_invitation.offers_complaint or v_invitation.offers_suggestion;
	v_survey_refusal := private.survey_refusal(v_invitation);
	if v_survey_refusal is not null and not v_offers_item then
		return private.outcome(v_survey_refusal);
	end if;
	if v_invitation.survey_id is not null and v_survey_refusal is null then
		select jsonb_build_object('id', survey.id, 'version', survey.version, 'definition', survey.definition)
		into v_survey
		from public.surveys as survey
		where survey.id = v_invitation.survey_id;
	end if;
	return jsonb_build_object(
		'outcome', 'ok',
		'invitation', jsonb_build_object(
			'kind', v_invitation.kind,
			'expiresAt', v_invitation.expires_at,
			'offersSurvey', v_invitation.offers_survey,
			'offersComplaint', v_invitation.offers_complaint,
			'offersSuggestion', v_invitation.offers_suggestion
		),
		'survey', v_survey,
		'surveyUnavailable', v_survey_refusal,
		'contract', (
			select jsonb_build_object('id', contract.id, 'reference', contract.reference, 'title', contract.title)
			from public.contracts as contract
			where contract.id = v_invitation.contract_id
		),
		'contracts', coalesce((
			select jsonb_agg(jsonb_build_object('id', recent.id, 'reference', recent.reference, 'title', recent.title) order by recent.start_date desc, recent.reference)
			from (
				select contract.id, contract.reference, contract.title, contract.start_date
				from public.contracts as contract
				where v_offers_item and contract.client_id = v_invitation.client_id
				order by contract.start_date desc, contract.reference
				limit 50
			) as recent
		), '[]'::jsonb)
	);
end;
$$;

create function public.submit_survey_response(p_token text, p_submission text, p_answers jsonb, p_client_address text)
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

	update public.survey_invitations as invitation
	set use_count = invitation.use_count + 1
	where invitation.id = v_invitation.id;
	return jsonb_build_object('outcome', 'ok', 'confirmation', jsonb_build_object('submittedAt', v_response.created_at));
end;
$$;

-- A complaint or suggestion. The submission token becomes its tracking token.
-- Links cap survey responses, not complaints: a used-up personal link still takes one.
create function public.submit_feedback_item(p_token text, p_submission text, p_item jsonb, p_client_address text)
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
	return jsonb_build_object('outcome', 'ok', 'confirmation', private.item_confirmation(v_item, p_submission));
end;
$$;

-- What /t/<tracking token> shows: status, dates and public replies, never internal notes or authors.
create function public.get_tracking(p_tracking_token text) returns jsonb
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
			'canRateResolution', private.can_rate_resolution(v_item)
		),
		'replies', coalesce((
			select jsonb_agg(jsonb_build_object('body', message.body, 'sentAt', message.created_at) order by message.created_at, message.id)
			from public.feedback_messages as message
			where message.feedback_item_id = v_item.id and message.is_public
		), '[]'::jsonb)
	);
end;
$$;

-- "Were you satisfied with the solution?": once, on an item resolved (or closed after resolution).
create function public.submit_resolution_feedback(p_tracking_token text, p_submission text, p_satisfied boolean, p_client_address text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_item public.feedback_items;
	v_submission_hash bytea;
begin
	if private.address_over_limit(p_client_address) then
		return private.outcome('rate_limited');
	end if;
	select * into v_item
	from public.feedback_items as item
	where char_length(p_tracking_token) <= 200 and item.submission_hash = private.token_hash(p_tracking_token);
	if not found then
		return private.outcome('unknown_token');
	end if;
	if private.over_rate_limit('item', 'item:' || v_item.id) then
		return private.outcome('rate_limited');
	end if;
	if not private.is_submission_token(p_submission) then
		return private.invalid('{"submission": "invalid"}');
	end if;
	v_submission_hash := private.token_hash(p_submission);

	select * into v_item from public.feedback_items as item where item.id = v_item.id for update;
	if v_item.resolution_submission_hash = v_submission_hash then
		return jsonb_build_object('outcome', 'duplicate', 'confirmation', private.resolution_confirmation(v_item));
	elsif v_item.resolution_satisfied is not null then
		return private.outcome('already_used');
	elsif not private.can_rate_resolution(v_item) then
		return private.outcome('not_resolved');
	elsif p_satisfied is null then
		return private.invalid('{"satisfied": "required"}');
	end if;

	update public.feedback_items as item
	set resolution_satisfied = p_satisfied, resolution_answered_at = now(), resolution_submission_hash = v_submission_hash
	where item.id = v_item.id
	returning * into v_item;
	return jsonb_build_object('outcome', 'ok', 'confirmation', private.resolution_confirmation(v_item));
end;
$$;

-- ============================================================================
-- public functions: staff (signed in; security invoker, so RLS decides; they raise on error)
-- ============================================================================

-- Creates invitations, all or none, and answers each one's raw token once, in order.
create function public.create_invitations(p_invitations jsonb) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
	v_row jsonb;
	v_unknown text;
	v_token text;
	v_id uuid;
	v_created jsonb := '[]'::jsonb;
begin
	if jsonb_typeof(p_invitations) is distinct from 'array' then
		raise exception 'p_invitations must be a JSON array' using errcode = '22023';
	elsif jsonb_array_length(p_invitations) > 5000 then
		raise exception 'at most 5000 invitations per call' using errcode = '22023';
	end if;
	for v_row in select value from jsonb_array_elements(p_invitations) loop
		select key into v_unknown from jsonb_object_keys(v_row) as key
		where key not in ('kind', 'survey_id', 'offers_complaint', 'offers_suggestion', 'client_id', 'contract_id',
			'max_uses', 'expires_at', 'label')
		limit 1;
		if v_unknown is not null then
			raise exception 'unknown invitation field: %', v_unknown using errcode = '22023';
		end if;
		v_token := private.new_token();
		insert into public.survey_invitations (
			kind, survey_id, offers_complaint, offers_suggestion, token_hash, client_id, contract_id, max_uses, expires_at, label
		)
		values (
			(v_row ->> 'kind')::public.invitation_kind,
			(v_row ->> 'survey_id')::uuid,
			coalesce((v_row ->> 'offers_complaint')::boolean, false),
			coalesce((v_row ->> 'offers_suggestion')::boolean, false),
			private.token_hash(v_token),
			(v_row ->> 'client_id')::uuid,
			(v_row ->> 'contract_id')::uuid,
			(v_row ->> 'max_uses')::integer,
			(v_row ->> 'expires_at')::timestamptz,
			nullif(btrim(v_row ->> 'label'), '')
		)
		returning id into v_id;
		v_created := v_created || jsonb_build_array(jsonb_build_object('id', v_id, 'token', v_token));
	end loop;
	return v_created;
end;
$$;

create function public.create_invitation(p_invitation jsonb) returns jsonb
language sql
security invoker
set search_path = ''
as $$
	select public.create_invitations(jsonb_build_array(p_invitation)) -> 0
$$;

-- A new token for an invitation (the old link stops working), answered once. This
-- is how staff get a link for invitations made at lifecycle points.
create function public.reissue_invitation_link(p_invitation_id uuid) returns text
language plpgsql
security invoker
set search_path = ''
as $$
declare
	v_token text := private.new_token();
begin
	update public.survey_invitations as invitation
	set token_hash = private.token_hash(v_token)
	where invitation.id = p_invitation_id and invitation.revoked_at is null;
	if not found then
		raise exception 'no such invitation you may edit, or it is revoked' using errcode = 'P0002';
	end if;
	return v_token;
end;
$$;

-- ============================================================================
-- grants
-- ============================================================================
-- Supabase's default privileges gave anon and authenticated ALL on every new
-- table and function in public. Take everything back, then grant per feature.
-- anon keeps nothing on any table: clients go through the functions above.

revoke all on public.surveys, public.survey_invitations, public.survey_responses, public.feedback_items,
	public.feedback_messages from anon, authenticated, public;
revoke all on private.rate_limit_counters, private.rate_limit_rules from anon, authenticated, public;

-- Ids, versions, counters, hashes of client submissions and timestamps are the database's.
grant select, delete on public.surveys to authenticated;
grant insert (id, trigger_point, status, definition, previous_version_id) on public.surveys to authenticated;
grant update (trigger_point, status, definition) on public.surveys to authenticated;

grant select, delete on public.survey_invitations to authenticated;
grant insert (id, kind, survey_id, offers_complaint, offers_suggestion, token_hash, client_id, contract_id,
	feedback_item_id, max_uses, expires_at, label) on public.survey_invitations to authenticated;
grant update (token_hash, max_uses, expires_at, revoked_at, label) on public.survey_invitations to authenticated;

grant select, delete on public.survey_responses to authenticated;

grant select, delete on public.feedback_items to authenticated;
grant insert (id, kind, category, subject, description, contact_email, contact_phone, contact_consent, client_id,
	contract_id) on public.feedback_items to authenticated;
grant update (status, category, client_id, contract_id) on public.feedback_items to authenticated;

grant select, delete on public.feedback_messages to authenticated;
grant insert (id, feedback_item_id, body, is_public) on public.feedback_messages to authenticated;

-- Private helpers run only inside the functions and triggers above (their owner's
-- rights), except the two token helpers the invoker-rights staff functions call.
revoke execute on all functions in schema private from public;
grant execute on function private.new_token(), private.token_hash(text) to authenticated;

revoke execute on function
	public.get_feedback_page(text),
	public.submit_survey_response(text, text, jsonb, text),
	public.submit_feedback_item(text, text, jsonb, text),
	public.get_tracking(text),
	public.submit_resolution_feedback(text, text, boolean, text),
	public.create_invitations(jsonb),
	public.create_invitation(jsonb),
	public.reissue_invitation_link(uuid)
from public, anon, authenticated;

grant execute on function
	public.get_feedback_page(text),
	public.submit_survey_response(text, text, jsonb, text),
	public.submit_feedback_item(text, text, jsonb, text),
	public.get_tracking(text),
	public.submit_resolution_feedback(text, text, boolean, text)
to anon, authenticated;

grant execute on function
	public.create_invitations(jsonb),
	public.create_invitation(jsonb),
	public.reissue_invitation_link(uuid)
to authenticated;

-- ============================================================================
-- realtime
-- ============================================================================
-- Live dashboards and the inbox hear new responses and items (Realtime checks RLS per subscriber).

alter publication supabase_realtime add table public.survey_responses, public.feedback_items;
