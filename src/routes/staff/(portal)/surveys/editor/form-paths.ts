// Turns flat form field names such as `definition.questions.2.label.es` into the nested object they
// spell, so the editor posts as plain HTML (no JavaScript) and the server still validates one object.

type Tree = { [key: string]: Tree | string };

export function nestFormData(formData: FormData): Tree {
	const root: Tree = {};
	for (const [name, value] of formData) {
		if (typeof value !== 'string' || name.startsWith('__')) continue;
		const keys = name.split('.');
		let node = root;
		for (const key of keys.slice(0, -1)) {
			const child = node[key];
			node = node[key] = typeof child === 'object' ? child : {};
		}
		node[keys.at(-1)!] = value;
	}
	return root;
}

/** A node whose keys are 0, 1, 2… as the list it stands for, in index order (gaps closed). */
export function listOf(node: Tree | string | undefined): Tree[] {
	if (!node || typeof node !== 'object') return [];
	return Object.keys(node)
		.filter((key) => /^\d+$/.test(key))
		.sort((a, b) => Number(a) - Number(b))
		.map((key) => node[key])
		.filter((item): item is Tree => typeof item === 'object');
}

export function textOf(node: Tree | string | undefined): string {
	return typeof node === 'string' ? node : '';
}

export type { Tree };
