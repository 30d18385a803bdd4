-- Two rules for links staff create, checked in the database so every path obeys them:
--
-- 1. An invitation may only point at what its creator may read. An account manager could
--    create one pointing at another manager's client's complaint (the row policy checks only
--    client_id), and a random id answered with a foreign-key error that told which ids exist.
--    Now a survey, contract or feedback item the caller cannot read, and one that does not
--    exist, both answer the same P0002 "not found" (PostgREST: 404), before any key is checked.
--    (client_id needs no check here: the row policies already refuse a client that is not the
--    caller's, and one that does not exist, alike.)
-- 2. A link's token is always 128 random bits made by the database. Staff could write any
--    token_hash (so `/f/a` worked); now an API caller can only store the hash of the token
--    private.new_token() issued last in the same transaction (create_invitations and
--    reissue_invitation_link do exactly that). Labels stay free text for people.
-- Both checks apply to the API roles only: the database's own functions (lifecycle invitations,
-- run as their owner) and migrations or seeds (run as postgres) are not API callers.

-- ============================================================================
-- helpers
-- ============================================================================

-- 128 random bits as 22 base64url characters; remembers its hash for this transaction, so the
-- token check below knows the database issued it.
create or replace function private.new_token() returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
	v_token text := rtrim(translate(encode(extensions.gen_random_bytes(16), 'base64'), '+/', '-_'), '=');
begin
	perform set_config('feedback.issued_token_hash', encode(private.token_hash(v_token), 'hex'), true);
	return v_token;
end;
$$;

-- ============================================================================
-- triggers
-- ============================================================================

-- Security invoker on purpose: the lookups run under the caller's row policies.
create function private.check_invitation_references() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if current_user not in ('anon', 'authenticated') then
		return new;
	end if;
	if (new.survey_id is not null and not exists (select 1 from public.surveys as survey where survey.id = new.survey_id))
		or (new.contract_id is not null and not exists (select 1 from public.contracts as contract where contract.id = new.contract_id))
		or (new.feedback_item_id is not null
			and not exists (select 1 from public.feedback_items as item where item.id = new.feedback_item_id)) then
		raise exception 'no such survey, contract or feedback item that you may read' using errcode = 'P0002';
	end if;
	return new;
end;
$$;

create function private.check_issued_token() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if current_user not in ('anon', 'authenticated') then
		return new;
	end if;
	if new.token_hash is distinct from decode(nullif(current_setting('feedback.issued_token_hash', true), ''), 'hex') then
		raise exception 'link tokens are made by the database (create_invitations, reissue_invitation_link)'
			using errcode = '42501';
	end if;
	-- One issued token opens one link.
	perform set_config('feedback.issued_token_hash', '', true);
	return new;
end;
$$;

revoke execute on function private.check_invitation_references(), private.check_issued_token()
from public, anon, authenticated, service_role;

-- Named to run before survey_invitations_prepare (triggers fire in name order), which fills
-- client_id from the contract or item with its owner's rights.
create trigger survey_invitations_check_references before insert on public.survey_invitations
	for each row execute function private.check_invitation_references();

create trigger survey_invitations_check_token before insert or update of token_hash on public.survey_invitations
	for each row execute function private.check_issued_token();
