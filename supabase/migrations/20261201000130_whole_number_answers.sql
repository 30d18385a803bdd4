-- A scale answer must be written as a whole number. `4.0` passed private.is_int_between (its value is
-- whole) and then failed the integer cast inside submit_survey_response, so the caller got an error
-- raised from inside the RPC instead of the "invalid" outcome. Now the validator refuses it, and the
-- RPC answers {"outcome": "invalid", "errors": {...}} like any other bad answer.

-- ============================================================================
-- helpers
-- ============================================================================

create or replace function private.is_int_between(value jsonb, low integer, high integer) returns boolean
language sql
immutable
set search_path = ''
as $$
	select coalesce(
		jsonb_typeof(value) = 'number'
			and (value #>> '{}') ~ '^-?[0-9]{1,9}$'
			and (value #>> '{}')::integer between low and high,
		false
	)
$$;
