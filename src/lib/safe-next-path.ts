/** A same-site path to return to; anything else (absolute URLs, `//host`, backslashes) falls back to `/`. */
export function safeNextPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
	if (value.startsWith('//') || value.includes('\\')) return fallback;
	return value;
}
