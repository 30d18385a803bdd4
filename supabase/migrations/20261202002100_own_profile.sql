-- Each person edits their own display name and language. staff_members stays admin-only for updates (role and
-- active never change through this), so the change goes through one function that touches only the caller's row
-- and only these two columns. The language is the portal's, applied when the person signs in.

alter table public.staff_members add column locale text check (locale in ('es', 'en'));

-- Security definer: staff_members has no self-update policy on purpose. Only an active staff member's own row.
create function public.update_my_profile(p_full_name text, p_locale text) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if p_full_name is null or btrim(p_full_name) = '' or char_length(p_full_name) > 200 then
		raise exception 'full name must be 1 to 200 characters' using errcode = '22023';
	end if;
	if p_locale is not null and p_locale not in ('es', 'en') then
		raise exception 'unknown locale %', p_locale using errcode = '22023';
	end if;
	update public.staff_members
	set full_name = btrim(p_full_name), locale = p_locale
	where user_id = (select auth.uid()) and active;
	if not found then
		raise exception 'not an active staff member' using errcode = '42501';
	end if;
end;
$$;

revoke execute on function public.update_my_profile(text, text) from public, anon;
grant execute on function public.update_my_profile(text, text) to authenticated;
