// A tracking code as people paste it: the code alone, or the whole link (…/t/<code>), with stray spaces.
const CODE = /^[A-Za-z0-9_-]{8,100}$/;

export function trackingCode(input: string): string | null {
	const trimmed = input.trim();
	const fromLink = /\/t\/([^/?#\s]+)/.exec(trimmed)?.[1] ?? trimmed;
	return CODE.test(fromLink) ? fromLink : null;
}
