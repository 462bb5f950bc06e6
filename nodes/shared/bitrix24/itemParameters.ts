import type { IDataObject, IExecuteFunctions, IGetNodeParameterOptions } from 'n8n-workflow';

/*
 * Reading an item's parameters without a trip through n8n's expression sandbox where none is
 * needed.
 *
 * In a real n8n every expression is evaluated in an isolate, about a millisecond apiece: for
 * 10,000 items with five mapped fields that is 25–60 s of work. Most mapped parameters are
 * whole-value references to the input item (`{{ $json.title }}`, what dragging a field into a
 * parameter writes), and n8n's value for those is the item's value itself. An item context
 * answers getNodeParameter that way:
 * - a parameter without expressions is its stored value (n8n evaluates nothing in it either);
 * - a parameter whose expressions are all whole-value `$json` references to plain JSON values is
 *   built from the item directly;
 * - anything else (other expressions, a reference to a missing key, values that are not plain
 *   JSON, resource mapper values n8n converts, options this reader does not mimic) is left to
 *   n8n. Values n8n evaluated while the items were checked are kept for the build that follows,
 *   so no expression is evaluated twice.
 */

/** `={{ $json.a.b }}`, `={{ $json["a b"][0] }}`: a whole value that only reads the input item. */
const JSON_REFERENCE =
	/^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:"[^"\\]*"|'[^'\\]*'|\d+)\s*\])+)\s*\}\}$/;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)'|(\d+))\s*\]/g;

const UNRESOLVED = Symbol('unresolved');

const hasOwn = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

/** A copy of a plain JSON value (as n8n's evaluation gives a copy), or UNRESOLVED for others. */
function plainCopy(value: unknown): unknown {
	if (value === null || typeof value !== 'object') {
		return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint'
			? UNRESOLVED
			: value;
	}
	if (Array.isArray(value)) {
		const list: unknown[] = [];
		for (const entry of value) {
			const copy = plainCopy(entry);
			if (copy === UNRESOLVED) return UNRESOLVED;
			list.push(copy);
		}
		return list;
	}
	// A plain object: its prototype is an Object.prototype (of any realm) or none.
	const prototype = Object.getPrototypeOf(value) as object | null;
	if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return UNRESOLVED;
	const object: IDataObject = {};
	for (const [key, entry] of Object.entries(value)) {
		const copy = plainCopy(entry);
		if (copy === UNRESOLVED) return UNRESOLVED;
		object[key] = copy as IDataObject[string];
	}
	return object;
}

/** The value a `$json` reference has for one item, or UNRESOLVED when n8n must say. */
function readReference(path: string, json: IDataObject): unknown {
	let value: unknown = json;
	for (const match of path.matchAll(SEGMENT)) {
		if (value === null || typeof value !== 'object') return UNRESOLVED;
		const key = match[1] ?? match[2] ?? match[3] ?? match[4];
		// A missing key is left to n8n (in the middle of a path its evaluation throws).
		if (!hasOwn(value, key)) return UNRESOLVED;
		value = (value as IDataObject)[key];
	}
	return plainCopy(value);
}

/** A stored parameter value with its `$json` references read off the item, or UNRESOLVED. */
function resolve(stored: unknown, json: IDataObject): unknown {
	if (typeof stored === 'string') {
		if (!stored.startsWith('=')) return stored;
		const reference = JSON_REFERENCE.exec(stored);
		return reference ? readReference(reference[1], json) : UNRESOLVED;
	}
	if (Array.isArray(stored)) {
		const list: unknown[] = [];
		for (const entry of stored) {
			const value = resolve(entry, json);
			if (value === UNRESOLVED) return UNRESOLVED;
			list.push(value);
		}
		return list;
	}
	if (stored !== null && typeof stored === 'object') {
		const object: IDataObject = {};
		for (const [key, entry] of Object.entries(stored)) {
			const value = resolve(entry, json);
			if (value === UNRESOLVED) return UNRESOLVED;
			object[key] = value as IDataObject[string];
		}
		return object;
	}
	return stored;
}

/** What n8n's extractValue gives for a resource locator in a mode without a pattern. */
function extracted(value: unknown): unknown {
	if (value === null || typeof value !== 'object' || !(value as IDataObject).__rl) return value;
	const { mode } = value as IDataObject;
	return mode === 'id' || mode === 'list' ? (value as IDataObject).value : UNRESOLVED;
}

/** Resource mapper values are converted by n8n against their schema: not read here. */
function isResourceMapper(value: unknown): boolean {
	return value !== null && typeof value === 'object' && hasOwn(value, 'mappingMode');
}

const keyOf = (name: string, fallback: unknown, options: IGetNodeParameterOptions | undefined) =>
	JSON.stringify([name, fallback ?? null, options ?? null]);

type GetNodeParameter = (
	name: string,
	index: number,
	fallback?: unknown,
	options?: IGetNodeParameterOptions,
) => unknown;

/** Values n8n evaluated while the items were checked, per item, for the build that follows. */
export class EvaluatedParameters {
	private readonly byItem = new Map<number, Map<string, unknown>>();

	keep(itemIndex: number, key: string, value: unknown): void {
		let values = this.byItem.get(itemIndex);
		if (!values) this.byItem.set(itemIndex, (values = new Map()));
		values.set(key, value);
	}

	/** A copy of the value kept, so a build that changes what it reads changes nothing here. */
	get(itemIndex: number, key: string): { value: unknown } | undefined {
		const values = this.byItem.get(itemIndex);
		if (!values?.has(key)) return undefined;
		const value = values.get(key);
		const copy = plainCopy(value);
		return { value: copy === UNRESOLVED ? value : copy };
	}

	forget(itemIndex: number): void {
		this.byItem.delete(itemIndex);
	}
}

/**
 * The execute context one item's parameters are read through (see above). `evaluated` receives
 * what n8n evaluated (when checking) and answers first (when building).
 */
export function itemContext(
	ctx: IExecuteFunctions,
	itemIndex: number,
	evaluated: EvaluatedParameters,
): IExecuteFunctions {
	const real: GetNodeParameter = (name, index, fallback, options) =>
		ctx.getNodeParameter(name, index, fallback as never, options);
	const getNodeParameter: GetNodeParameter = (name, index, fallback, options) => {
		if (
			index !== itemIndex ||
			options?.rawExpressions ||
			options?.ensureType ||
			options?.contextNode
		) {
			return real(name, index, fallback, options);
		}
		const key = keyOf(name, fallback, options);
		const kept = evaluated.get(index, key);
		if (kept) return kept.value;
		const stored = real(name, index, fallback, { rawExpressions: true });
		const root = name.split('.')[0];
		let value =
			isResourceMapper(stored) ||
			(root !== name && isResourceMapper(real(root, index, {}, { rawExpressions: true })))
				? UNRESOLVED
				: resolve(stored, ctx.getInputData()[index]?.json ?? {});
		if (value !== UNRESOLVED && options?.extractValue) value = extracted(value);
		if (value !== UNRESOLVED) return value;
		const evaluatedValue = real(name, index, fallback, options);
		evaluated.keep(index, key, evaluatedValue);
		return evaluatedValue;
	};
	return new Proxy(ctx, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		},
	});
}
