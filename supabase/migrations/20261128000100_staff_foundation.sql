-- Staff foundation: who the staff are, the clients they serve, the contracts
-- signed with them and the requirements captured from them. Row-level
-- security is the only gate, so this file also holds the whole role model.
--
-- Who may do what (a signed-in user who is not ACTIVE staff gets nothing; anon
-- has no privileges at all; service_role bypasses RLS for server-side tasks):
--
--   table          | select                        | insert                        | update                          | delete
--   ---------------+-------------------------------+-------------------------------+---------------------------------+-------
--   staff_members  | every active staff member     | admin                         | admin (never own role / active) | admin (never own row)
--   clients        | agent, quality, manager,      | manager, admin                | manager, admin;                 | admin
--                  | admin: all; account manager:  |                               | account manager: own clients,   |
--                  | own clients                   |                               | cannot hand them to another     |
--   contracts      | agent, quality, manager,      | manager, admin;               | manager, admin;                 | admin
--                  | admin: all; account manager:  | account manager: own clients  | account manager: own clients    |
--                  | own clients                   |                               |                                 |
--   requirements   | same as contracts             | same as contracts             | same as contracts               | admin
--
-- Why: agents and quality read everything they need to answer clients and
-- to audit, but do not edit commercial records (quality audits them, so it
-- stays independent of them). Managers run the commercial relationship, so
-- they create clients, assign account managers and keep contracts; deleting
-- a record of the process is rare and destructive, so only admin does it.
-- "Own clients" means clients whose account_manager_id is the caller; the
-- account-manager policies also require the caller's role to be
-- account_manager, so naming someone of another role as account manager
-- grants them nothing beyond their role.
-- A contract and a requirement never change client through the API (no
-- update privilege on client_id): a contract is signed with one party.

-- ============================================================================
-- enums
-- ============================================================================

create type public.staff_role as enum ('agent', 'account_manager', 'quality', 'manager', 'admin');

-- A contract's acceptance by the client after delivery (CCT counts 'accepted').
create type public.contract_conformity as enum ('pending', 'accepted', 'rejected');

create type public.requirement_priority as enum ('low', 'medium', 'high', 'critical');

create type public.requirement_status as enum ('open', 'in_progress', 'met', 'dropped');

create type public.requirement_source as enum ('contract', 'meeting', 'complaint', 'survey', 'regulation', 'other');

-- ============================================================================
-- tables
-- ============================================================================

create table public.staff_members (
	user_id uuid primary key references auth.users (id) on delete cascade,
	full_name text not null check (btrim(full_name) <> '' and char_length(full_name) <= 200),
	email text not null check (char_length(email) <= 320 and email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
	role public.staff_role not null,
	active boolean not null default true,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create unique index staff_members_email_key on public.staff_members (lower(email));

create table public.clients (
	id uuid primary key default gen_random_uuid(),
	name text not null check (btrim(name) <> '' and char_length(name) <= 200),
	-- CIF/NIF or a foreign tax number; free-form because clients are not all Spanish.
	tax_id text unique check (btrim(tax_id) <> '' and char_length(tax_id) <= 32),
	sector text check (char_length(sector) <= 100),
	contact_name text check (char_length(contact_name) <= 200),
	contact_email text check (char_length(contact_email) <= 320 and contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
	contact_phone text check (char_length(contact_phone) <= 40),
	account_manager_id uuid references public.staff_members (user_id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create index clients_account_manager_id_idx on public.clients (account_manager_id);

create table public.contracts (
	id uuid primary key default gen_random_uuid(),
	client_id uuid not null references public.clients (id) on delete cascade,
	reference text not null unique check (btrim(reference) <> '' and char_length(reference) <= 64),
	title text not null check (btrim(title) <> '' and char_length(title) <= 300),
	start_date date not null,
	due_date date not null,
	delivered_at timestamptz,
	conformity public.contract_conformity not null default 'pending',
	terms_notes text check (char_length(terms_notes) <= 10000),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint contracts_due_after_start check (due_date >= start_date),
	-- The client can only accept or reject what was delivered.
	constraint contracts_conformity_after_delivery check (conformity = 'pending' or delivered_at is not null),
	-- Lets requirements reference (contract, client) together, below.
	constraint contracts_id_client_id_key unique (id, client_id)
);

create index contracts_due_date_idx on public.contracts (due_date);
create index contracts_client_id_idx on public.contracts (client_id);

create table public.requirements (
	id uuid primary key default gen_random_uuid(),
	client_id uuid not null references public.clients (id) on delete cascade,
	contract_id uuid,
	statement text not null check (btrim(statement) <> '' and char_length(statement) <= 2000),
	priority public.requirement_priority not null default 'medium',
	status public.requirement_status not null default 'open',
	source public.requirement_source not null default 'other',
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	-- One key for both rules: the contract exists and belongs to the same
	-- client. Deleting the contract keeps the requirement, unlinked.
	constraint requirements_contract_id_fkey foreign key (contract_id, client_id)
		references public.contracts (id, client_id) on delete set null (contract_id)
);

create index requirements_client_id_idx on public.requirements (client_id);
create index requirements_contract_id_idx on public.requirements (contract_id);

-- ============================================================================
-- triggers
-- ============================================================================

-- Helpers live outside the schemas PostgREST exposes, so they are never RPCs.
create schema if not exists private;
revoke all on schema private from public;

create function private.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.updated_at := now();
	return new;
end;
$$;

revoke execute on function private.set_updated_at() from public;

create trigger staff_members_set_updated_at before update on public.staff_members
	for each row execute function private.set_updated_at();
create trigger clients_set_updated_at before update on public.clients
	for each row execute function private.set_updated_at();
create trigger contracts_set_updated_at before update on public.contracts
	for each row execute function private.set_updated_at();
create trigger requirements_set_updated_at before update on public.requirements
	for each row execute function private.set_updated_at();

-- An admin who demotes or deactivates themselves could lock everyone out;
-- another admin (or the service role, which has no uid) makes that change.
create function private.forbid_own_role_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if old.user_id = (select auth.uid())
		and (new.role is distinct from old.role or new.active is distinct from old.active) then
		raise exception 'staff members cannot change their own role or active flag'
			using errcode = '42501';
	end if;
	return new;
end;
$$;

revoke execute on function private.forbid_own_role_change() from public;

create trigger staff_members_forbid_own_role_change before update on public.staff_members
	for each row execute function private.forbid_own_role_change();

-- ============================================================================
-- permission helpers
-- ============================================================================
-- security definer so that policies can read staff_members and clients
-- without recursing through those tables' own policies.

create function private.current_staff_role() returns public.staff_role
language sql
stable
security definer
set search_path = ''
as $$
	select staff.role
	from public.staff_members as staff
	where staff.user_id = (select auth.uid()) and staff.active
$$;

revoke execute on function private.current_staff_role() from public;
grant execute on function private.current_staff_role() to authenticated;

create function private.has_staff_role(variadic roles public.staff_role[]) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select coalesce(private.current_staff_role() = any (roles), false)
$$;

revoke execute on function private.has_staff_role(public.staff_role[]) from public;
grant execute on function private.has_staff_role(public.staff_role[]) to authenticated;

create function private.manages_client(client_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1
		from public.clients as client
		join public.staff_members as staff on staff.user_id = client.account_manager_id
		where client.id = manages_client.client_id
			and staff.user_id = (select auth.uid())
			and staff.active
	)
$$;

revoke execute on function private.manages_client(uuid) from public;
grant execute on function private.manages_client(uuid) to authenticated;

grant usage on schema private to authenticated;

-- ============================================================================
-- RLS policies
-- ============================================================================

alter table public.staff_members enable row level security;
alter table public.clients enable row level security;
alter table public.contracts enable row level security;
alter table public.requirements enable row level security;

-- staff_members ---------------------------------------------------------------

create policy "Active staff can read the staff list" on public.staff_members
	for select to authenticated
	using ((select private.current_staff_role()) is not null);

create policy "Admins can add staff members" on public.staff_members
	for insert to authenticated
	with check ((select private.has_staff_role('admin')));

create policy "Admins can edit staff members" on public.staff_members
	for update to authenticated
	using ((select private.has_staff_role('admin')))
	with check ((select private.has_staff_role('admin')));

create policy "Admins can remove other staff members" on public.staff_members
	for delete to authenticated
	using ((select private.has_staff_role('admin')) and user_id <> (select auth.uid()));

-- clients ---------------------------------------------------------------------

create policy "Agents, quality, managers and admins can read all clients" on public.clients
	for select to authenticated
	using ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')));

-- Compares the row's own column, not manages_client(id): on update the
-- helper would still see the old row and let a client be handed away.
create policy "Account managers can read their own clients" on public.clients
	for select to authenticated
	using ((select private.has_staff_role('account_manager')) and account_manager_id = (select auth.uid()));

create policy "Managers and admins can add clients" on public.clients
	for insert to authenticated
	with check ((select private.has_staff_role('manager', 'admin')));

create policy "Managers and admins can edit all clients" on public.clients
	for update to authenticated
	using ((select private.has_staff_role('manager', 'admin')))
	with check ((select private.has_staff_role('manager', 'admin')));

create policy "Account managers can edit their own clients" on public.clients
	for update to authenticated
	using ((select private.has_staff_role('account_manager')) and account_manager_id = (select auth.uid()))
	with check ((select private.has_staff_role('account_manager')) and account_manager_id = (select auth.uid()));

create policy "Admins can delete clients" on public.clients
	for delete to authenticated
	using ((select private.has_staff_role('admin')));

-- contracts -------------------------------------------------------------------

create policy "Agents, quality, managers and admins can read all contracts" on public.contracts
	for select to authenticated
	using ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')));

create policy "Account managers can read their clients' contracts" on public.contracts
	for select to authenticated
	using ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Managers and admins can add contracts" on public.contracts
	for insert to authenticated
	with check ((select private.has_staff_role('manager', 'admin')));

create policy "Account managers can add contracts for their clients" on public.contracts
	for insert to authenticated
	with check ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Managers and admins can edit all contracts" on public.contracts
	for update to authenticated
	using ((select private.has_staff_role('manager', 'admin')))
	with check ((select private.has_staff_role('manager', 'admin')));

create policy "Account managers can edit their clients' contracts" on public.contracts
	for update to authenticated
	using ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)))
	with check ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Admins can delete contracts" on public.contracts
	for delete to authenticated
	using ((select private.has_staff_role('admin')));

-- requirements ----------------------------------------------------------------

create policy "Agents, quality, managers and admins can read all requirements" on public.requirements
	for select to authenticated
	using ((select private.has_staff_role('agent', 'quality', 'manager', 'admin')));

create policy "Account managers can read their clients' requirements" on public.requirements
	for select to authenticated
	using ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Managers and admins can add requirements" on public.requirements
	for insert to authenticated
	with check ((select private.has_staff_role('manager', 'admin')));

create policy "Account managers can add requirements for their clients" on public.requirements
	for insert to authenticated
	with check ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Managers and admins can edit all requirements" on public.requirements
	for update to authenticated
	using ((select private.has_staff_role('manager', 'admin')))
	with check ((select private.has_staff_role('manager', 'admin')));

create policy "Account managers can edit their clients' requirements" on public.requirements
	for update to authenticated
	using ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)))
	with check ((select private.has_staff_role('account_manager')) and (select private.manages_client(client_id)));

create policy "Admins can delete requirements" on public.requirements
	for delete to authenticated
	using ((select private.has_staff_role('admin')));

-- ============================================================================
-- grants
-- ============================================================================
-- Supabase's default privileges gave anon and authenticated ALL (truncate,
-- which skips RLS, included). Take everything back, then grant per feature:
-- ids and timestamps are the database's, client_id never moves.

revoke all on public.staff_members, public.clients, public.contracts, public.requirements from anon, authenticated, public;

grant select, delete on public.staff_members, public.clients, public.contracts, public.requirements to authenticated;

grant insert (user_id, full_name, email, role, active) on public.staff_members to authenticated;
grant update (full_name, email, role, active) on public.staff_members to authenticated;

grant insert (id, name, tax_id, sector, contact_name, contact_email, contact_phone, account_manager_id) on public.clients to authenticated;
grant update (name, tax_id, sector, contact_name, contact_email, contact_phone, account_manager_id) on public.clients to authenticated;

grant insert (id, client_id, reference, title, start_date, due_date, delivered_at, conformity, terms_notes) on public.contracts to authenticated;
grant update (reference, title, start_date, due_date, delivered_at, conformity, terms_notes) on public.contracts to authenticated;

grant insert (id, client_id, contract_id, statement, priority, status, source) on public.requirements to authenticated;
grant update (contract_id, statement, priority, status, source) on public.requirements to authenticated;

-- Live views of clients, contracts and requirements (Realtime checks RLS per subscriber).
alter publication supabase_realtime add table public.clients, public.contracts, public.requirements;
