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
 * - a parameter without expressions is the same for every item: n8n reads it once per run;
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

/** The keys of a `$json` reference, or null for any other expression (parsed once per text). */
const references = new Map<string, string[] | null>();
function referenceKeys(expression: string): string[] | null {
	let keys = references.get(expression);
	if (keys === undefined) {
		const reference = JSON_REFERENCE.exec(expression);
		keys = reference
			? [...reference[1].matchAll(SEGMENT)].map(
					(match) => match[1] ?? match[2] ?? match[3] ?? match[4],
				)
			: null;
		if (references.size > 10000) references.clear();
		references.set(expression, keys);
	}
	return keys;
}

/** The value a `$json` reference has for one item, or UNRESOLVED when n8n must say. */
function readReference(keys: string[], json: IDataObject): unknown {
	let value: unknown = json;
	for (const key of keys) {
		if (value === null || typeof value !== 'object') return UNRESOLVED;
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
		const keys = referenceKeys(stored);
		return keys ? readReference(keys, json) : UNRESOLVED;
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

/** A key for one way of asking for a parameter (cheap for the usual scalar fallbacks). */
const keyOf = (name: string, fallback: unknown, options?: IGetNodeParameterOptions) =>
	options === undefined && (fallback === null || typeof fallback !== 'object')
		? `${name}\u0000${typeof fallback}\u0000${String(fallback)}`
		: JSON.stringify([name, fallback ?? null, options ?? null]);

type GetNodeParameter = (
	name: string,
	index: number,
	fallback?: unknown,
	options?: IGetNodeParameterOptions,
) => unknown;

/**
 * How a parameter is read: `fixed` (no expression: what n8n gives for the first item that asks is
 * what it gives for every item), `item` (its `$json` references resolved per item), or `n8n`.
 */
type Reading = { kind: 'fixed' } | { kind: 'item'; stored: unknown } | { kind: 'n8n' };

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/**
 * The parameters of one node run's items (see above): `itemContext` is the execute context the
 * items' parameters are read through. Values n8n evaluated for an item are kept until
 * `forget(itemIndex)`, so a check and the build after it evaluate each expression once. How each
 * parameter is stored is looked up once per run.
 */
export class ItemParameters {
	private readonly evaluated = new Map<number, Map<string, unknown>>();

	private readonly readings = new Map<string, Reading>();

	/** What n8n gave for fixed parameters, by name, fallback and options. */
	private readonly fixed = new Map<string, unknown>();

	constructor(private readonly ctx: IExecuteFunctions) {}

	/** The one context every item's parameters are read through (the item is the index asked). */
	private context?: IExecuteFunctions;

	/** The execute context the items' parameters are read through (each by its own index). */
	get itemContext(): IExecuteFunctions {
		this.context ??= this.makeContext();
		return this.context;
	}

	private makeContext(): IExecuteFunctions {
		const { ctx } = this;
		const inputs = ctx.getInputData();
		const getNodeParameter: GetNodeParameter = (name, index, fallback, options) => {
			const real = () => ctx.getNodeParameter(name, index, fallback as never, options);
			if (options?.rawExpressions || options?.ensureType || options?.contextNode) return real();
			const key = keyOf(name, fallback, options);
			const reading = this.reading(name, fallback);
			if (reading.kind === 'fixed') {
				if (!this.fixed.has(key)) this.fixed.set(key, real());
				return copyOf(this.fixed.get(key));
			}
			const kept = this.kept(index, key);
			if (kept) return kept.value;
			let value =
				reading.kind === 'n8n' ? UNRESOLVED : resolve(reading.stored, inputs[index]?.json ?? {});
			if (value !== UNRESOLVED && options?.extractValue) value = extracted(value);
			if (value !== UNRESOLVED) return value;
			const evaluatedValue = real();
			this.keep(index, key, evaluatedValue);
			return evaluatedValue;
		};
		const bound = new Map<PropertyKey, unknown>();
		return new Proxy(ctx, {
			get(target, property) {
				if (property === 'getNodeParameter') return getNodeParameter;
				const value: unknown = Reflect.get(target, property, target);
				if (typeof value !== 'function') return value;
				let method = bound.get(property);
				if (method === undefined) {
					method = (value as () => unknown).bind(target);
					bound.set(property, method);
				}
				return method;
			},
		});
	}

	forget(itemIndex: number): void {
		this.evaluated.delete(itemIndex);
	}

	/** How a parameter is stored (the same for every item): looked up once. */
	private reading(name: string, fallback: unknown): Reading {
		const key = keyOf(name, fallback);
		let reading: Reading | undefined = this.readings.get(key);
		if (!reading) {
			const raw = (parameter: string, fallbackValue: unknown) =>
				this.ctx.getNodeParameter(parameter, 0, fallbackValue as never, { rawExpressions: true });
			const stored = raw(name, fallback);
			const root = name.split('.')[0];
			const mapper = isResourceMapper(stored) || (root !== name && isResourceMapper(raw(root, {})));
			reading = !hasExpression(stored)
				? { kind: 'fixed' }
				: mapper
					? { kind: 'n8n' }
					: { kind: 'item', stored };
			this.readings.set(key, reading);
		}
		return reading;
	}

	private keep(itemIndex: number, key: string, value: unknown): void {
		let values = this.evaluated.get(itemIndex);
		if (!values) this.evaluated.set(itemIndex, (values = new Map()));
		values.set(key, value);
	}

	/** A copy of the value kept, so a build that changes what it reads changes nothing here. */
	private kept(itemIndex: number, key: string): { value: unknown } | undefined {
		const values = this.evaluated.get(itemIndex);
		if (!values?.has(key)) return undefined;
		return { value: copyOf(values.get(key)) };
	}
}

/** A copy of a plain value, so a build that changes what it reads changes nothing kept. */
function copyOf(value: unknown): unknown {
	if (value === null || typeof value !== 'object') return value;
	const copy = plainCopy(value);
	return copy === UNRESOLVED ? value : copy;
}
