-- Archiving a client: a client with history (contracts, responses, complaints) is archived rather than deleted, so
-- its records and the indicators computed from them stay. An archived client leaves the lists (they filter on
-- archived_at is null unless asked for the archive) and comes back by clearing the date. Whoever may edit the
-- client may archive it (the existing update policies); deleting stays admin-only.

alter table public.clients add column archived_at timestamptz;

grant update (archived_at) on public.clients to authenticated;

-- The client list shows the clients in use, by name.
create index clients_in_use_name_idx on public.clients (name, id) where archived_at is null;
