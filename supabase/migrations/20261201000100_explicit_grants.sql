-- Deny by default, as hosted Supabase does since 2026 (`auto_expose_new_tables = false`):
-- no table, sequence or function created by a migration is reachable by an API role
-- until a migration grants it. Every later migration grants explicitly what each
-- role needs (tables AND functions, service_role included) after creating it.
--
-- What each role holds after this file, on the objects of the earlier migrations:
--   anon           EXECUTE on the five public client RPCs; nothing on any table.
--   authenticated  the per-table and per-column grants of the earlier migrations
--                  (RLS decides which rows), EXECUTE on those RPCs and the staff RPCs.
--   service_role   nothing: no server task reads or writes these tables through the
--                  Data API (staff accounts are made through the Auth admin API, and
--                  the staff_members row through the admin's own session).
-- tests/integration/rls/catalog.test.ts holds the allowlist this must match.

-- ============================================================================
-- default privileges
-- ============================================================================

-- Postgres itself lets PUBLIC execute every new function. Per-schema defaults can only
-- add to the global ones, so the revoke is global: it covers public, private and any
-- schema a later migration makes. (Functions created by extensions keep theirs.)
alter default privileges for role postgres revoke execute on functions from public;
alter default privileges for role postgres revoke execute on functions from anon, authenticated, service_role;

-- Projects created before 2026 granted the API roles everything in public by default.
alter default privileges for role postgres in schema public revoke all on tables from anon, authenticated, service_role;
alter default privileges for role postgres in schema public revoke all on sequences from anon, authenticated, service_role;
alter default privileges for role postgres in schema public revoke all on functions from anon, authenticated, service_role;

-- ============================================================================
-- service_role
-- ============================================================================
-- A project made before 2026 gave service_role ALL on these by default; take it back so
-- hosted and local agree. A feature whose server task needs a table grants it there.

revoke all on public.staff_members, public.clients, public.contracts, public.requirements, public.surveys,
	public.survey_invitations, public.survey_responses, public.feedback_items, public.feedback_messages
from service_role;

revoke execute on function
	public.get_feedback_page(text),
	public.submit_survey_response(text, text, jsonb, text),
	public.submit_feedback_item(text, text, jsonb, text),
	public.get_tracking(text),
	public.submit_resolution_feedback(text, text, boolean, text),
	public.create_invitations(jsonb),
	public.create_invitation(jsonb),
	public.reissue_invitation_link(uuid)
from service_role;

revoke execute on all functions in schema private from service_role;

-- ============================================================================
-- security definer only where needed
-- ============================================================================
-- These helpers run only inside the client RPCs, which are security definer already
-- (they execute as the owner), and no role may call them directly: owner's rights
-- of their own would add nothing but risk.

alter function private.over_rate_limit(text, text) security invoker;
alter function private.address_over_limit(text) security invoker;
alter function private.invitation_over_limit(public.survey_invitations) security invoker;
alter function private.invitation_for_token(text) security invoker;
alter function private.survey_refusal(public.survey_invitations) security invoker;
