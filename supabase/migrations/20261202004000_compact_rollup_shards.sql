-- Compaction of the sharded response rollups (20261202003000_submission_hot_spots.sql).
--
-- Shards exist so that concurrent submissions of one day write different rows. Only the current day is
-- written that way, yet past days kept their up to sixteen rows for ever, and every reader sums them. At
-- 10M responses the per-client rollup an account manager's dashboard reads held about twelve rows per
-- client and day, and their aggregates took 352 ms against 64.5 ms at 1M (bench/results/2026-12-02T13-45-44-450Z.json).
--
-- private.compact_rollup_shards() folds the shards of days before a given day into shard 0, in one
-- statement per table, so a reader sees the sums before or after, never half of it. The notification
-- worker runs it every hour (src/lib/server/notify/worker.ts); after a bulk import it can be called at
-- once. A late write to a past day (a corrected or deleted old response) lands in its shard again, and the
-- next run folds it in: sums hold at every moment, only the row count varies.

-- Rows outside shard 0 are few once compacted (today's, and late writes), so the job finds them by index.
create index response_rollup_daily_unfolded on private.response_rollup_daily (day) where shard <> 0;
create index response_rollup_client_daily_unfolded on private.response_rollup_client_daily (day) where shard <> 0;

-- Folds one rollup table's shards of days in [first_day, before) into shard 0. Every column that is neither
-- a key nor the shard is a count, read from the catalog, so a count column added later is summed too
-- instead of being dropped with the folded rows.
create function private.compact_rollup_table(rollup text, keys text[], first_day date, before date) returns integer
language plpgsql
set search_path = ''
as $$
declare
	key_list text := (select string_agg(quote_ident(k), ', ') from unnest(keys) as k);
	counts text[];
	folded integer;
begin
	select array_agg(quote_ident(a.attname) order by a.attnum) into counts
	from pg_catalog.pg_attribute as a
	where a.attrelid = ('private.' || quote_ident(rollup))::regclass and a.attnum > 0 and not a.attisdropped
		and a.attname::text <> all (keys || array['shard']);
	execute format(
		'with folded as (delete from private.%1$I as r where r.shard <> 0 and r.day >= $1 and r.day < $2 returning r.*)
		insert into private.%1$I as t (%2$s, shard, %3$s)
		select %2$s, 0, %4$s from folded group by %2$s
		on conflict (%2$s, shard) do update set %5$s',
		rollup, key_list, array_to_string(counts, ', '),
		(select string_agg(format('sum(%s)', c), ', ') from unnest(counts) as c),
		(select string_agg(format('%1$s = t.%1$s + excluded.%1$s', c), ', ') from unnest(counts) as c)
	) using first_day, before;
	get diagnostics folded = row_count;
	return folded;
end;
$$;

-- Folds the response rollups' shards of every day before `before` (by default, the organisation's
-- today: the day submissions still write). Returns the shard-0 rows written.
create function private.compact_rollup_shards(before date default null, first_day date default '-infinity') returns integer
language plpgsql
set search_path = ''
as $$
declare
	until_day date := coalesce(before, private.organisation_today());
begin
	return private.compact_rollup_table('response_rollup_daily', array['day', 'survey_id', 'channel'], first_day, until_day)
		+ private.compact_rollup_table('response_rollup_client_daily', array['client_id', 'day', 'survey_id', 'channel'], first_day, until_day);
end;
$$;

-- A rebuild (after a bulk load, or to check the triggers) leaves past days folded, as the job would.
create or replace function public.rebuild_rollups() returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	statement text;
begin
	truncate private.response_rollup_daily, private.response_rollup_client_daily, private.satisfaction_latest,
		private.invitation_rollup_monthly, private.item_rollup_monthly, private.item_rollup_client_monthly,
		private.item_resolution_monthly, private.item_resolution_client_monthly, private.contract_rollup_daily;
	foreach statement in array
		private.response_rollup_statements('(select 1 as sign, r.* from public.survey_responses as r)')
		|| private.satisfaction_latest_statements('(select 1 as sign, r.* from public.survey_responses as r)', false)
		|| private.item_rollup_statements('(select 1 as sign, r.* from public.feedback_items as r)')
		|| private.contract_rollup_statements('(select 1 as sign, r.* from public.contracts as r)')
		|| private.invitation_rollup_statements('(select 1 as sign, r.* from public.survey_invitations as r)')
	loop
		execute statement;
	end loop;
	perform private.compact_rollup_shards();
end;
$$;

revoke execute on function private.compact_rollup_table(text, text[], date, date), private.compact_rollup_shards(date, date)
	from public, anon, authenticated, service_role;

-- The days kept so far.
select private.compact_rollup_shards();
