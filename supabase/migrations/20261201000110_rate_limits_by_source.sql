-- Rate limits that hold: they count by what the caller cannot choose, and a campaign
-- poster's counter is no longer one hot row.
--
-- Who a public RPC's attempt is charged to (its "source"):
--   * the app's server, calling with the service_role key, names the phone's address in
--     p_client_address (only it sees the phone: to the database every form post comes from
--     the app's own address);
--   * anyone else is charged to the address the API gateway saw, from the request headers
--     PostgREST passes on (the gateway overwrites them; a caller's own X-Forwarded-For never
--     gets through). Their p_client_address is ignored: a direct call with null, or with a new
--     made-up address each time, is limited like any other.
-- The per-address limit is checked first, so attempts it turns away never touch a poster's
-- budget: one abusive source can use at most its own per-address share of a poster's minute.
--
-- Counters are sharded: a limit of N per minute is split over up to 16 slot rows whose caps
-- add up to exactly N. An attempt takes a unit from a random slot with room that no other
-- transaction holds, and is refused only when every slot is full. Concurrent submissions on one
-- poster then wait on different rows, and the total admitted still never exceeds N
-- (tests/integration/feedback/rate-limit-concurrency.test.ts).

-- ============================================================================
-- tables
-- ============================================================================

-- Unlogged: counters need no crash safety and should cost no WAL on the submission path.
create unlogged table private.rate_limit_slots (
	bucket text not null,
	window_start timestamptz not null,
	slot smallint not null,
	attempts integer not null check (attempts >= 1),
	primary key (bucket, window_start, slot)
);

alter table private.rate_limit_slots enable row level security;
revoke all on private.rate_limit_slots from public, anon, authenticated, service_role;

-- The single-row counters are replaced by the slots above.
drop table private.rate_limit_counters;

-- ============================================================================
-- helpers
-- ============================================================================

-- The address the API gateway saw. Cloudflare's header first (hosted Supabase sits behind it and
-- overwrites it), then the first X-Forwarded-For hop and X-Real-IP (the local gateway overwrites both).
create function private.request_address() returns text
language sql
stable
set search_path = ''
as $$
	select nullif(btrim(coalesce(
		headers ->> 'cf-connecting-ip',
		split_part(headers ->> 'x-forwarded-for', ',', 1),
		headers ->> 'x-real-ip'
	)), '')
	from (select coalesce(nullif(current_setting('request.headers', true), ''), '{}')::jsonb as headers) as request
$$;

-- Who this attempt is charged to: the address the app named when the app is calling, else the
-- gateway's. No address at all (a direct database session) is one shared source, never unlimited.
create function private.attempt_source(claimed_address text) returns text
language sql
stable
set search_path = ''
as $$
	select coalesce(
		case when (select auth.role()) = 'service_role' then nullif(btrim(left(claimed_address, 100)), '') end,
		private.request_address(),
		'unattributed'
	)
$$;

-- Takes one attempt from the bucket's budget for this minute; true when the budget is spent.
-- It never waits on a slot while holding another slot of the same bucket, so concurrent callers
-- cannot deadlock; buckets are always taken in the same order (address, source, link).
create or replace function private.over_rate_limit(p_scope text, p_bucket text) returns boolean
language plpgsql
set search_path = ''
as $$
declare
	v_max_attempts integer;
	v_slots integer;
	v_base integer;
	v_extra integer;
	v_window timestamptz := date_trunc('minute', now());
	v_slot integer;
begin
	select rule.max_attempts_per_minute into v_max_attempts from private.rate_limit_rules as rule where rule.scope = p_scope;
	if v_max_attempts is null then
		return false;
	end if;
	-- A slot per 50 attempts a minute, at most 16: small limits keep one exact row. Slot caps are
	-- v_base, plus one for the first v_extra slots, so they add up to exactly the limit.
	v_slots := least(16, greatest(1, v_max_attempts / 50));
	v_base := v_max_attempts / v_slots;
	v_extra := v_max_attempts % v_slots;
	loop
		-- 1. A started slot with room that nobody holds right now: take a unit without waiting.
		update private.rate_limit_slots as counter
		set attempts = counter.attempts + 1
		where (counter.bucket, counter.window_start, counter.slot) = (
			select free.bucket, free.window_start, free.slot
			from private.rate_limit_slots as free
			where free.bucket = p_bucket and free.window_start = v_window
				and free.attempts < v_base + case when free.slot < v_extra then 1 else 0 end
			order by random()
			limit 1
			for update skip locked
		)
		returning counter.slot into v_slot;
		exit when found;
		-- 2. A slot not started yet this minute.
		insert into private.rate_limit_slots (bucket, window_start, slot, attempts)
		select p_bucket, v_window, candidate, 1
		from generate_series(0, v_slots - 1) as candidate
		where not exists (
			select 1 from private.rate_limit_slots as started
			where started.bucket = p_bucket and started.window_start = v_window and started.slot = candidate
		)
		order by random()
		limit 1
		on conflict do nothing
		returning slot into v_slot;
		exit when found;
		-- 3. Every slot is started: when none has room, the budget is spent.
		select busy.slot into v_slot
		from private.rate_limit_slots as busy
		where busy.bucket = p_bucket and busy.window_start = v_window
			and busy.attempts < v_base + case when busy.slot < v_extra then 1 else 0 end
		order by random()
		limit 1;
		if not found then
			return true;
		end if;
		-- 4. Room only in slots others hold: wait for that one (holding no slot of this bucket), then look again.
		update private.rate_limit_slots as counter
		set attempts = counter.attempts + 1
		where counter.bucket = p_bucket and counter.window_start = v_window and counter.slot = v_slot
			and counter.attempts < v_base + case when counter.slot < v_extra then 1 else 0 end
		returning counter.slot into v_slot;
		exit when found;
	end loop;
	-- Now and then, forget finished windows (cheap, and needs no scheduler).
	if random() < 0.01 then
		delete from private.rate_limit_slots as old
		where old.window_start < date_trunc('minute', now()) - interval '1 minute';
	end if;
	return false;
end;
$$;

-- The per-address limit, on every public submission RPC, checked before anything else. The source is
-- hashed so no address is kept, even for a minute, and remembered for this transaction so the
-- per-link limits below know it too.
create or replace function private.address_over_limit(client_address text) returns boolean
language plpgsql
set search_path = ''
as $$
declare
	v_source text := encode(private.token_hash(private.attempt_source(client_address)), 'hex');
begin
	perform set_config('feedback.attempt_source', v_source, true);
	return private.over_rate_limit('address', 'address:' || v_source);
end;
$$;

-- A link's budget for this minute. One source may use only its own share of a campaign poster's
-- (it is also held to its per-address limit first), so one abusive phone or script cannot starve
-- the real phones scanning the same poster.
create or replace function private.invitation_over_limit(invitation public.survey_invitations) returns boolean
language sql
set search_path = ''
as $$
	select case
		when invitation.kind = 'campaign' and private.over_rate_limit(
			'campaign_invitation_source',
			'invitation:' || invitation.id || ':' || coalesce(nullif(current_setting('feedback.attempt_source', true), ''), 'unattributed')
		) then true
		else private.over_rate_limit(invitation.kind || '_invitation', 'invitation:' || invitation.id)
	end
$$;

insert into private.rate_limit_rules (scope, max_attempts_per_minute, note) values
	('campaign_invitation_source', 20, 'submissions through one campaign link from one source (its share of the poster)');

-- ============================================================================
-- grants
-- ============================================================================

revoke execute on function private.request_address(), private.attempt_source(text) from public, anon, authenticated, service_role;

-- The app's server submits for the phones it serves, naming their addresses (src/lib/server/feedback/rpc.ts).
grant execute on function
	public.submit_survey_response(text, text, jsonb, text),
	public.submit_feedback_item(text, text, jsonb, text),
	public.submit_resolution_feedback(text, text, boolean, text)
to service_role;
