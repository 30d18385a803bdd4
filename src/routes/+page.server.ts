import { redirect } from '@sveltejs/kit';
import { trackingCode } from '$lib/feedback/tracking-code';
import type { PageServerLoad } from './$types';

// The home page's tracking field is a GET form: a valid code (or pasted link) opens its tracking page.
export const load: PageServerLoad = ({ url }) => {
	const entered = url.searchParams.get('code');
	if (entered === null) return { codeInvalid: false, entered: '' };
	const code = trackingCode(entered.slice(0, 300));
	if (code) redirect(303, `/t/${code}`);
	return { codeInvalid: true, entered: entered.slice(0, 300) };
};
