-- Fixed raw tokens for the seed's demo links, so a README, a test or a phone can open them by name.
-- Applied by the embedded stack right after the seed, to a fresh local database only. Never in
-- supabase/seed.sql: the Supabase CLI may run that file against a hosted project
-- (`supabase db reset --linked`), where anyone who read this file could then open these links.
update public.survey_invitations as invitation
set token_hash = extensions.digest(demo.token, 'sha256')
from (values
	('f1000000-0000-4000-8000-000000000001'::uuid, 'demo-campaign-2026'),
	('f1000000-0000-4000-8000-000000000002'::uuid, 'demo-personal-2026'),
	('f1000000-0000-4000-8000-000000000003'::uuid, 'demo-expired-2026'),
	('f1000000-0000-4000-8000-000000000004'::uuid, 'demo-revoked-2026')
) as demo (id, token)
where invitation.id = demo.id;

update public.feedback_items
set submission_hash = extensions.digest('demo-tracking-2026', 'sha256')
where id = 'f2000000-0000-4000-8000-000000000001';
