import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	// The hook already redirected anyone who is not active staff; this only narrows the type.
	if (!locals.staff) error(401, 'Not signed in');
	return { staff: locals.staff };
};
