import { redirect, type RequestHandler } from '@sveltejs/kit';

export const POST: RequestHandler = async ({ locals }) => {
	// "Salir" ends this browser's session; the person's sessions on other devices go on (scope 'global' would end
	// them all, and one signing out at the front desk would throw a colleague on the same login out mid-task).
	await locals.supabase.auth.signOut({ scope: 'local' });
	redirect(303, '/staff/login');
};
