-- Bulk links from a CSV: match each row's client (by tax id, else by name) and contract in the database,
-- in one call, instead of loading every client into Node (which PostgREST caps at 1,000 rows, so valid
-- rows past the cap showed as unmatched). SECURITY INVOKER: the caller's RLS decides which clients and
-- contracts can match, so an account manager matches only their own clients, as on every other screen.
-- Dates stay in the app (src/routes/staff/(portal)/invitations/bulk/match-clients.ts): they need no data.

-- ============================================================================
-- enums
-- ============================================================================

create type public.invitation_match_problem as enum ('client_not_found', 'client_ambiguous', 'contract_not_found');

-- ============================================================================
-- helpers
-- ============================================================================

-- How a spreadsheet's tax id compares with the stored one: case, spaces, dots, dashes and slashes ignored.
create function private.tax_id_key(value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
	select upper(regexp_replace(coalesce(value, ''), '[[:space:]./-]', '', 'g'))
$$;

-- Accents and case differ between a spreadsheet and the client record more often than the names do.
create function private.client_name_key(value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
	select btrim(regexp_replace(lower(regexp_replace(normalize(coalesce(value, ''), nfd), '[\u0300-\u036f]', '', 'g')), '[[:space:]]+', ' ', 'g'))
$$;

-- ============================================================================
-- public functions
-- ============================================================================

-- csv_rows: [{"line": 2, "client": "B-12345678", "contract_reference": "CT-1" | null}, ...]. The form allows 500
-- (csv.ts); more than 1,000 is refused, since PostgREST answers at most 1,000 rows and would cut the answer silently.
-- One answer per row, in line order: the client and contract matched, or why not.
create function public.match_invitation_rows(csv_rows jsonb)
returns table (line integer, client_id uuid, client_name text, contract_id uuid, problem public.invitation_match_problem)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
	if jsonb_typeof(csv_rows) is distinct from 'array' or jsonb_array_length(csv_rows) > 1000 then
		raise exception 'csv_rows must be an array of at most 1000 rows' using errcode = '22023';
	end if;
	return query
	with input as (
		select r.line, r.client, nullif(btrim(r.contract_reference), '') as contract_reference
		from jsonb_to_recordset(csv_rows) as r (line integer, client text, contract_reference text)
	),
	visible as materialized (
		select c.id, c.name, private.tax_id_key(c.tax_id) as tax_key, private.client_name_key(c.name) as name_key
		from public.clients c
	),
	by_tax as (
		select v.tax_key, min(v.id::text)::uuid as id from visible v where v.tax_key <> '' group by v.tax_key having count(*) = 1
	),
	by_name as (
		select v.name_key, min(v.id::text)::uuid as id, count(*) as namesakes from visible v group by v.name_key
	),
	matched as (
		select i.line, i.contract_reference, coalesce(t.id, case when n.namesakes = 1 then n.id end) as client_id,
			coalesce(n.namesakes, 0) as namesakes
		from input i
		left join by_tax t on t.tax_key = private.tax_id_key(i.client)
		left join by_name n on n.name_key = private.client_name_key(i.client)
	)
	select m.line, m.client_id, c.name, k.id,
		case
			when m.client_id is null and m.namesakes > 1 then 'client_ambiguous'::public.invitation_match_problem
			when m.client_id is null then 'client_not_found'::public.invitation_match_problem
			when m.contract_reference is not null and k.id is null then 'contract_not_found'::public.invitation_match_problem
		end
	from matched m
	left join public.clients c on c.id = m.client_id
	left join public.contracts k on lower(btrim(k.reference)) = lower(m.contract_reference) and k.client_id = m.client_id
	order by m.line;
end;
$$;

-- ============================================================================
-- grants
-- ============================================================================

revoke execute on function private.tax_id_key(text), private.client_name_key(text) from public, anon;
grant execute on function private.tax_id_key(text), private.client_name_key(text) to authenticated;
revoke execute on function public.match_invitation_rows(jsonb) from public, anon;
grant execute on function public.match_invitation_rows(jsonb) to authenticated;
