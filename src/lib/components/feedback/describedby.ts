// aria-describedby from the ids that are on the page right now (a hint always, an error when shown).
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
	const present = ids.filter(Boolean);
	return present.length ? present.join(' ') : undefined;
}
