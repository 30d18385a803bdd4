-- What Supabase's Postgres image provides and a vanilla Postgres lacks.
-- Applied once to the embedded database only; never a migration, so that
-- supabase/migrations run unchanged on hosted Supabase.

-- Roles ----------------------------------------------------------------------
-- As on Supabase: the cluster's superuser is supabase_admin and applies this file
-- alone; `postgres` is the non-superuser that applies migrations and the seed, so a
-- migration needing superuser fails here as it would on a hosted project.
-- The passwords are set by the stack right after this file runs.
create role postgres login createrole createdb replication bypassrls inherit;
create role anon nologin inherit;
create role authenticated nologin inherit;
create role service_role nologin inherit bypassrls;
create role authenticator login noinherit;
grant anon, authenticated, service_role to authenticator;
-- postgres may act as the API roles (as on Supabase), e.g. to `set role` in a seed.
grant anon, authenticated, service_role to postgres;
create role supabase_auth_admin nologin noinherit createrole;
create role supabase_realtime_admin nologin noinherit;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';

-- postgres creates schemas (private, ...) and trusted extensions, as on Supabase.
grant create, connect, temporary on database postgres to postgres;

-- Schemas and extensions -----------------------------------------------------
create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
create schema if not exists graphql_public;

grant usage on schema public, extensions, graphql_public to anon, authenticated, service_role;
grant all on schema public, extensions, graphql_public to postgres;

-- Hosted defaults since 2026 (config.toml `[api] auto_expose_new_tables = false`):
-- new tables, sequences and functions are granted to no API role, so every
-- migration grants explicitly what each role needs. (Supabase's older images
-- ran `alter default privileges ... grant all ... to anon, authenticated, service_role`.)

-- auth schema (the columns of GoTrue's auth.users the local Auth server uses) --
create schema auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role, postgres;

create table auth.users (
	instance_id uuid,
	id uuid primary key,
	aud varchar(255),
	role varchar(255),
	email varchar(255),
	encrypted_password varchar(255),
	email_confirmed_at timestamptz,
	invited_at timestamptz,
	confirmation_token varchar(255),
	confirmation_sent_at timestamptz,
	recovery_token varchar(255),
	recovery_sent_at timestamptz,
	email_change_token_new varchar(255),
	email_change varchar(255),
	email_change_sent_at timestamptz,
	last_sign_in_at timestamptz,
	raw_app_meta_data jsonb,
	raw_user_meta_data jsonb,
	is_super_admin boolean,
	created_at timestamptz,
	updated_at timestamptz,
	phone text unique default null,
	phone_confirmed_at timestamptz,
	confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
	banned_until timestamptz,
	reauthentication_token varchar(255) default '',
	is_sso_user boolean not null default false,
	deleted_at timestamptz,
	is_anonymous boolean not null default false
);
create unique index users_email_partial_key on auth.users (email) where is_sso_user = false;

create table auth.sessions (
	id uuid primary key,
	user_id uuid not null references auth.users (id) on delete cascade,
	created_at timestamptz,
	updated_at timestamptz,
	aal text default 'aal1',
	not_after timestamptz
);
create index sessions_user_id_idx on auth.sessions (user_id);

create table auth.refresh_tokens (
	instance_id uuid,
	id bigserial primary key,
	token varchar(255) unique,
	user_id varchar(255),
	revoked boolean,
	created_at timestamptz,
	updated_at timestamptz,
	parent varchar(255),
	session_id uuid references auth.sessions (id) on delete cascade
);
create index refresh_tokens_session_id_idx on auth.refresh_tokens (session_id);

alter table auth.users enable row level security;
alter table auth.sessions enable row level security;
alter table auth.refresh_tokens enable row level security;
alter table auth.users owner to supabase_auth_admin;
alter table auth.sessions owner to supabase_auth_admin;
alter table auth.refresh_tokens owner to supabase_auth_admin;
alter sequence auth.refresh_tokens_id_seq owner to supabase_auth_admin;

-- PostgREST 12 sets only request.jwt.claims, so these read the claim from
-- that JSON when the legacy per-claim setting is absent (as Supabase's do).
create function auth.uid() returns uuid language sql stable as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.sub', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
	)::uuid
$$;

create function auth.role() returns text language sql stable as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.role', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
	)::text
$$;

create function auth.email() returns text language sql stable as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.email', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
	)::text
$$;

create function auth.jwt() returns jsonb language sql stable as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim', true), ''),
		nullif(current_setting('request.jwt.claims', true), '')
	)::jsonb
$$;

alter function auth.uid() owner to supabase_auth_admin;
alter function auth.role() owner to supabase_auth_admin;
alter function auth.email() owner to supabase_auth_admin;
alter function auth.jwt() owner to supabase_auth_admin;
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt() to anon, authenticated, service_role, postgres;
-- As on Supabase, postgres reads and writes auth's tables (the seed creates demo users;
-- migrations reference auth.users). It has BYPASSRLS, so their RLS does not hide rows.
grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;

-- Realtime -------------------------------------------------------------------
-- `supabase_realtime` carries the tables of postgres_changes (migrations add them).
create publication supabase_realtime;
-- Migrations add their tables to it; that needs ownership, as on Supabase.
alter publication supabase_realtime owner to postgres;

-- The `realtime` schema as hosted Realtime's tenant migrations leave it: Broadcast from
-- the database writes rows to realtime.messages (through realtime.send()), and RLS
-- policies on that table, written by migrations, decide who may join a private channel
-- (SELECT) and send on it (INSERT), with realtime.topic() naming the channel.
create schema realtime;
grant usage on schema realtime to postgres, anon, authenticated, service_role, supabase_realtime_admin;
grant create on schema realtime to supabase_realtime_admin;
-- Lets a migration running as a non-superuser postgres write policies on realtime.messages
-- (hosted allows the same through supautils' policy grants).
grant supabase_realtime_admin to postgres;

-- Hosted partitions by day and drops old partitions; here one default partition holds
-- every row, and the local Realtime server deletes rows older than three days.
create table realtime.messages (
	topic text not null,
	extension text not null,
	payload jsonb,
	event text,
	private boolean default false,
	updated_at timestamp without time zone not null default now(),
	inserted_at timestamp without time zone not null default now(),
	id uuid not null default gen_random_uuid(),
	constraint messages_pkey primary key (id, inserted_at)
) partition by range (inserted_at);
create table realtime.messages_default partition of realtime.messages default;
create index messages_inserted_at_topic_index on realtime.messages (inserted_at desc, topic)
	where extension = 'broadcast' and private is true;
alter table realtime.messages enable row level security;
alter table realtime.messages owner to supabase_realtime_admin;
alter table realtime.messages_default owner to supabase_realtime_admin;
grant select, insert, update on realtime.messages to postgres, anon, authenticated, service_role;
grant delete, truncate, references, trigger on realtime.messages to postgres;

-- The channel being authorised: set by the Realtime server for its RLS checks, and by send().
create function realtime.topic() returns text language sql stable as $$
	select nullif(current_setting('realtime.topic', true), '')::text
$$;

-- Broadcast from the database. A failure is a warning, so a trigger that sends can never
-- fail the user's write (as on hosted).
create function realtime.send(payload jsonb, event text, topic text, private boolean default true) returns void
language plpgsql as $$
declare
	generated_id uuid;
	final_payload jsonb;
begin
	begin
		generated_id := gen_random_uuid();
		if payload ? 'id' then
			final_payload := payload;
		else
			final_payload := jsonb_set(payload, '{id}', to_jsonb(generated_id));
		end if;
		execute format('set local realtime.topic to %L', topic);
		insert into realtime.messages (id, payload, event, topic, private, extension)
		values (generated_id, final_payload, event, topic, private, 'broadcast');
	exception
		when others then
			raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
	end;
end;
$$;

-- A row trigger's change as a broadcast: `perform realtime.broadcast_changes('topic', tg_op,
-- tg_op, tg_table_name, tg_table_schema, new, old)`.
create function realtime.broadcast_changes(
	topic_name text, event_name text, operation text, table_name text, table_schema text,
	new record, old record, level text default 'ROW'
) returns void language plpgsql as $$
declare
	row_data jsonb := '{}'::jsonb;
begin
	if level = 'STATEMENT' then
		raise exception 'function can only be triggered for each row, not for each statement';
	end if;
	if operation in ('INSERT', 'UPDATE', 'DELETE') then
		row_data := jsonb_build_object('old_record', old, 'record', new, 'operation', operation, 'table', table_name, 'schema', table_schema);
		perform realtime.send(row_data, event_name, topic_name);
	else
		raise exception 'Unexpected operation type: %', operation;
	end if;
exception
	when others then
		raise exception 'Failed to process the row: %', sqlerrm;
end;
$$;

alter function realtime.topic() owner to supabase_realtime_admin;
alter function realtime.send(jsonb, text, text, boolean) owner to supabase_realtime_admin;
alter function realtime.broadcast_changes(text, text, text, text, text, record, record, text) owner to supabase_realtime_admin;
-- Hosted leaves these executable by everyone (policies call topic(); triggers running as any
-- role call send()); granted explicitly so a default that revokes EXECUTE cannot break a write.
grant execute on function realtime.topic(), realtime.send(jsonb, text, text, boolean),
	realtime.broadcast_changes(text, text, text, text, text, record, record, text)
	to postgres, anon, authenticated, service_role;

-- What the local Realtime server reads by logical decoding to deliver those rows.
create publication supabase_realtime_messages_publication for table realtime.messages;

-- Migration bookkeeping, as the Supabase CLI keeps it ------------------------
create schema supabase_migrations authorization postgres;
create table supabase_migrations.schema_migrations (
	version text primary key,
	statements text[],
	name text
);
alter table supabase_migrations.schema_migrations owner to postgres;

-- PostgREST's schema cache follows DDL, as on hosted Supabase ------------------
-- A table or function created while the stack runs is reachable at once, without a restart.
-- Event triggers need a superuser, so they live here and never in a migration.
create function extensions.pgrst_ddl_watch() returns event_trigger
language plpgsql
as $$
begin
	notify pgrst, 'reload schema';
end;
$$;

create event trigger pgrst_ddl_watch on ddl_command_end execute function extensions.pgrst_ddl_watch();
create event trigger pgrst_drop_watch on sql_drop execute function extensions.pgrst_ddl_watch();
revoke execute on function extensions.pgrst_ddl_watch() from public;
