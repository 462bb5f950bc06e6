import type { IDataObject } from 'n8n-workflow';

/**
 * PHP bracket names (`data[FIELDS][ID]`, `select[]`) and the bodies made of them, read with
 * bounds: PHP nests at most 64 levels (max_input_nesting_level) and n8n parses at most 1,000 form
 * fields. Whatever is beyond a bound, or names a prototype key, is refused, never half-read.
 */
export const BODY_LIMITS = {
	/** Brackets in one name, and containers below the body in a JSON body. */
	depth: 64,
	/** Characters in one name segment or JSON key. */
	keyLength: 256,
	/** Fields of a form body, values of a JSON body. */
	fields: 1000,
	/** Characters of all names and values together. */
	chars: 4 * 1024 * 1024,
};

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function checkedKey(key: string): string | undefined {
	if (key.length > BODY_LIMITS.keyLength)
		return `a key is longer than ${BODY_LIMITS.keyLength} characters`;
	if (PROTOTYPE_KEYS.has(key)) return `"${key}" is not allowed as a key`;
	return undefined;
}

/**
 * The segments of a bracket name: `a[b][]` → ['a', 'b', ''] ('' appends to a list). One pass over
 * the name, stopping at the first bound it crosses.
 */
export function bracketPath(name: string): Checked<string[]> {
	const maxLength = (BODY_LIMITS.depth + 1) * (BODY_LIMITS.keyLength + 2);
	if (name.length > maxLength) return refuse(`the name is longer than ${maxLength} characters`);
	const open = name.indexOf('[');
	const head = open === -1 ? name : name.slice(0, open);
	if (head === '' || head.includes(']')) return refuse('the name is not in bracket notation');
	const path = [head];
	for (let at = open; at !== -1 && at < name.length; ) {
		if (name[at] !== '[') return refuse('the name is not in bracket notation');
		const close = name.indexOf(']', at + 1);
		if (close === -1) return refuse('the name has an unclosed bracket');
		const segment = name.slice(at + 1, close);
		if (segment.includes('[')) return refuse('the name is not in bracket notation');
		if (path.length > BODY_LIMITS.depth) {
			return refuse(`the name nests deeper than ${BODY_LIMITS.depth} levels`);
		}
		path.push(segment);
		at = close + 1;
	}
	for (const segment of path) {
		const problem = checkedKey(segment);
		if (problem) return refuse(problem);
	}
	return { ok: true, value: path };
}

type Container = IDataObject | unknown[];

const isContainer = (value: unknown): value is Container =>
	value !== null && typeof value === 'object';

/** Where `segment` goes in `container`; undefined when it cannot go there. */
function slotIn(container: Container, segment: string): string | number | undefined {
	if (!Array.isArray(container)) return segment === '' ? undefined : segment;
	if (segment === '') return container.length;
	// Only the next free index or an existing one: a large index would make a huge sparse list.
	const index = /^\d{1,9}$/.test(segment) ? Number(segment) : -1;
	return index >= 0 && index <= container.length ? index : undefined;
}

/**
 * Writes `value` at `path` (from bracketPath) inside `target`, creating objects and lists on the
 * way. A value replaces a value; a name that would turn a value into a container, or a container
 * into a value, is a conflict.
 */
export function assignPath(target: IDataObject, path: string[], value: unknown): Checked<true> {
	let node: Container = target;
	for (const [index, segment] of path.entries()) {
		const slot = slotIn(node, segment);
		if (slot === undefined) return refuse('two names give one key different shapes');
		const holder = node as Record<string | number, unknown>;
		if (index === path.length - 1) {
			if (isContainer(holder[slot])) return refuse('two names give one key different shapes');
			holder[slot] = value;
			return { ok: true, value: true };
		}
		if (holder[slot] === undefined) holder[slot] = path[index + 1] === '' ? [] : {};
		const next = holder[slot];
		if (!isContainer(next)) return refuse('two names give one key different shapes');
		node = next;
	}
	return { ok: true, value: true };
}

/**
 * A flat form body as n8n hands it over (`querystring.parse`: name → string, or string[] for a
 * repeated name) nested the way PHP does: `x[]` appends every value, another repeated name keeps
 * its last value.
 */
export function nestFormBody(flat: Record<string, unknown>): Checked<IDataObject> {
	const names = Object.keys(flat);
	if (names.length > BODY_LIMITS.fields) {
		return refuse(`the body has more than ${BODY_LIMITS.fields} fields`);
	}
	const out: IDataObject = {};
	let chars = 0;
	for (const name of names) {
		const raw = flat[name];
		const values = typeof raw === 'string' ? [raw] : raw;
		if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) {
			return refuse('a form value is not text');
		}
		chars += name.length + values.reduce((sum: number, value: string) => sum + value.length, 0);
		if (chars > BODY_LIMITS.chars)
			return refuse(`the body is larger than ${BODY_LIMITS.chars} characters`);
		const path = bracketPath(name);
		if (!path.ok) return path;
		const appends = path.value[path.value.length - 1] === '';
		for (const value of appends ? values : values.slice(-1)) {
			const written = assignPath(out, path.value, value);
			if (!written.ok) return written;
		}
	}
	return { ok: true, value: out };
}

/**
 * A copy of an already nested (JSON) body made of plain objects, lists and scalars, within the
 * same bounds as a form body.
 */
export function copyJsonBody(body: IDataObject): Checked<IDataObject> {
	let fields = 0;
	let chars = 0;
	const copy = (value: unknown, depth: number): Checked<unknown> => {
		if (!isContainer(value)) {
			fields++;
			if (typeof value === 'string') chars += value.length;
			if (fields > BODY_LIMITS.fields)
				return refuse(`the body has more than ${BODY_LIMITS.fields} values`);
			if (chars > BODY_LIMITS.chars)
				return refuse(`the body is larger than ${BODY_LIMITS.chars} characters`);
			return { ok: true, value };
		}
		if (depth > BODY_LIMITS.depth)
			return refuse(`the body nests deeper than ${BODY_LIMITS.depth} levels`);
		if (Array.isArray(value) && value.length > BODY_LIMITS.fields) {
			return refuse(`the body has more than ${BODY_LIMITS.fields} values`);
		}
		const out: Container = Array.isArray(value) ? [] : {};
		for (const [key, item] of Object.entries(value)) {
			const problem = checkedKey(key);
			if (problem) return refuse(problem);
			chars += key.length;
			const copied = copy(item, depth + 1);
			if (!copied.ok) return copied;
			(out as Record<string, unknown>)[key] = copied.value;
		}
		return { ok: true, value: out };
	};
	return copy(body, 0) as Checked<IDataObject>;
}
