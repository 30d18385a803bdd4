-- Enum values the corrective actions migration (20261201004100_corrective_actions.sql) uses. They live in
-- their own file because `alter type ... add value` cannot be used in the transaction that adds it.

-- ============================================================================
-- enums
-- ============================================================================

-- A complaint or suggestion was linked to a corrective action plan (details: plan_id, title).
alter type public.feedback_event_kind add value if not exists 'action_plan_linked';
