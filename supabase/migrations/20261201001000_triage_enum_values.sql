-- Enum values the staff triage migration (20261201001100_staff_triage.sql) uses. They live in
-- their own file because `alter type ... add value` cannot be used in the transaction that adds it.

-- ============================================================================
-- enums
-- ============================================================================

-- The item waits for the client's answer; its deadline clocks pause meanwhile.
alter type public.feedback_status add value if not exists 'waiting_client' after 'in_progress';

-- A requirement documented from a client's suggestion (linked back to the item).
alter type public.requirement_source add value if not exists 'suggestion' after 'survey';
