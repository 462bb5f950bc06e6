import type { IDataObject } from 'n8n-workflow';

/** `$result[key][0][ID]`, `$next[key]`, `$total[key]`: Bitrix24's references between batch commands. */
const REFERENCE = /\$(result|next|total)\[([^\]]+)\]((?:\[[^\]]*\])*)/g;

export interface Reference {
	kind: 'result' | 'next' | 'total';
	key: string;
	path: string[];
}

function referencesIn(text: string): Array<Reference & { text: string }> {
	return [...text.matchAll(REFERENCE)].map((match) => ({
		text: match[0],
		kind: match[1] as Reference['kind'],
		key: match[2],
		path: [...match[3].matchAll(/\[([^\]]*)\]/g)].map((part) => part[1]),
	}));
}

/** The keys of the commands a command's parameters refer to. */
export function referencedKeys(value: unknown, keys = new Set<string>()): Set<string> {
	if (typeof value === 'string') for (const { key } of referencesIn(value)) keys.add(key);
	else if (value !== null && typeof value === 'object')
		for (const entry of Object.values(value)) referencedKeys(entry, keys);
	return keys;
}

/**
 * Replaces the references `resolve` knows (commands of earlier batch requests, which Bitrix24
 * cannot see) by their values; others stay for Bitrix24. A parameter that is exactly one
 * reference takes the value as it is (a list stays a list), as Bitrix24 does.
 */
export function substituteReferences(
	value: unknown,
	resolve: (reference: Reference) => { value: unknown } | undefined,
): unknown {
	if (typeof value === 'string') {
		const found = referencesIn(value);
		if (found.length === 1 && found[0].text === value) {
			const resolved = resolve(found[0]);
			return resolved ? resolved.value : value;
		}
		let text = value;
		for (const reference of found) {
			const resolved = resolve(reference);
			if (resolved) text = text.replace(reference.text, () => String(resolved.value ?? ''));
		}
		return text;
	}
	if (Array.isArray(value)) return value.map((entry) => substituteReferences(entry, resolve));
	if (value !== null && typeof value === 'object') {
		const out: IDataObject = {};
		for (const [name, entry] of Object.entries(value))
			out[name] = substituteReferences(entry, resolve) as IDataObject[string];
		return out;
	}
	return value;
}

/** Follows `path` into a command's answer; `undefined` when there is nothing there. */
export function valueAt(root: unknown, path: string[]): unknown {
	let node = root;
	for (const segment of path) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as IDataObject)[segment];
	}
	return node;
}
