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
create publication supabase_realtime;
-- Migrations add their tables to it; that needs ownership, as on Supabase.
alter publication supabase_realtime owner to postgres;

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
