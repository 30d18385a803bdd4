import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// The recovery mail's link (Supabase's SSR template: ?token_hash=…&type=recovery). Verifying it signs the person
// in (the session cookies are set here), and the next step is choosing a new password.
export const load: PageServerLoad = async ({ locals, url }) => {
	const tokenHash = url.searchParams.get('token_hash');
	if (tokenHash && url.searchParams.get('type') === 'recovery') {
		const { error } = await locals.supabase.auth.verifyOtp({ token_hash: tokenHash.slice(0, 200), type: 'recovery' });
		if (!error) redirect(303, '/staff/password?reason=recovery');
	}
	return {};
};
