// Superforms answers errors as a tree mirroring the data; the editor asks for one field by its form name.
type ErrorTree = { [key: string]: ErrorTree | string[] | undefined } | string[] | undefined;

/** The first error code at a dotted path such as `definition.questions.0.label.es`; list-level errors sit in `_errors`. */
export function errorAt(errors: unknown, path: string): string | undefined {
	let node = errors as ErrorTree;
	for (const key of path.split('.')) {
		if (!node || Array.isArray(node)) return undefined;
		node = node[key];
	}
	if (Array.isArray(node)) return node[0];
	const listErrors = node?._errors;
	return Array.isArray(listErrors) ? listErrors[0] : undefined;
}
