// Where to go after signing in or choosing a language: always a path on this origin.
const PROBE_ORIGIN = 'http://same-origin.invalid';

/**
 * A same-origin path to return to, normalised and percent-encoded (so it is a valid Location
 * header); anything else falls back. Browsers drop TAB, CR and LF anywhere in a URL and trim
 * control characters and spaces at its ends (`/\t/evil.example` becomes `//evil.example`), and
 * read `\` as `/`: a value holding any of them is refused rather than cleaned.
 */
export function safeNextPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length > 2048) return fallback;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0020\u007f\\]/.test(value)) return fallback;
	if (!value.startsWith('/') || value.startsWith('//')) return fallback;
	let url: URL;
	try {
		url = new URL(value, PROBE_ORIGIN);
	} catch {
		return fallback;
	}
	if (url.origin !== PROBE_ORIGIN) return fallback;
	return url.pathname + url.search + url.hash;
}
