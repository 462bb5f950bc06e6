import type { IDataObject, IExecuteFunctions, IGetNodeParameterOptions } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

/*
 * Checking every input item before a write without paying for every expression.
 *
 * In a real n8n each expression is evaluated in an isolate, about a millisecond apiece: for
 * 10,000 items with four mapped fields that is 25–47 s, which used to pass before the first
 * request. Most mapped parameters are plain references to the input item (`{{ $json.title }}`,
 * what dragging a field into a parameter writes), and their value can be read off the item
 * directly. A checking context answers getNodeParameter that way, so an operation's own code can
 * build (and so check) every item cheaply:
 * - a parameter without expressions is read as n8n reads it (no evaluation happens);
 * - a parameter whose expressions are all whole-value `$json` references is read off the item;
 * - any other expression is evaluated by n8n, once: the value is kept for the real build.
 */

type ParameterOptions = IGetNodeParameterOptions | undefined;

/** `={{ $json.a.b }}`, `={{ $json["a b"][0] }}`: a whole value that only reads the input item. */
const JSON_REFERENCE =
	/^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:"[^"\\]*"|'[^'\\]*'|\d+)\s*\])+)\s*\}\}$/;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)'|(\d+))\s*\]/g;

const UNRESOLVED = Symbol('unresolved');

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/** The value a `$json` reference has for one item, or UNRESOLVED when n8n must say (it may throw). */
function readReference(path: string, json: IDataObject): unknown {
	let value: unknown = json;
	for (const match of path.matchAll(SEGMENT)) {
		if (value === null || typeof value !== 'object') return UNRESOLVED;
		const key = match[1] ?? match[2] ?? match[3] ?? match[4];
		// A missing key is left to n8n (in the middle of a path its evaluation throws).
		if (!Object.prototype.hasOwnProperty.call(value, key)) return UNRESOLVED;
		value = (value as IDataObject)[key];
	}
	return value;
}

/** A raw parameter value with its `$json` references read off the item, or UNRESOLVED. */
function resolve(raw: unknown, json: IDataObject): unknown {
	if (typeof raw === 'string') {
		if (!raw.startsWith('=')) return raw;
		const reference = JSON_REFERENCE.exec(raw);
		if (!reference) return UNRESOLVED;
		const value = readReference(reference[1], json);
		return value !== null && typeof value === 'object' ? deepCopy(value) : value;
	}
	if (Array.isArray(raw)) {
		const list: unknown[] = [];
		for (const entry of raw) {
			const value = resolve(entry, json);
			if (value === UNRESOLVED) return UNRESOLVED;
			list.push(value);
		}
		return list;
	}
	if (raw !== null && typeof raw === 'object') {
		const object: IDataObject = {};
		for (const [key, entry] of Object.entries(raw)) {
			const value = resolve(entry, json);
			if (value === UNRESOLVED) return UNRESOLVED;
			object[key] = value as IDataObject[string];
		}
		return object;
	}
	return raw;
}

/** What extractValue gives for a resource locator in a mode without a pattern, or UNRESOLVED. */
function extracted(value: unknown): unknown {
	if (value === null || typeof value !== 'object' || !(value as IDataObject).__rl) return value;
	const { mode } = value as IDataObject;
	return mode === 'id' || mode === 'list' ? (value as IDataObject).value : UNRESOLVED;
}

const keyOf = (name: string, fallback: unknown, options: ParameterOptions) =>
	JSON.stringify([name, fallback ?? null, options ?? null]);

/**
 * Values n8n evaluated while items were checked, kept for the build that follows, so no
 * expression is evaluated twice.
 */
export class EvaluatedParameters {
	private readonly byItem = new Map<number, Map<string, unknown>>();

	keep(itemIndex: number, key: string, value: unknown): void {
		let values = this.byItem.get(itemIndex);
		if (!values) this.byItem.set(itemIndex, (values = new Map()));
		values.set(key, value !== null && typeof value === 'object' ? deepCopy(value) : value);
	}

	take(itemIndex: number, key: string): { value: unknown } | undefined {
		const values = this.byItem.get(itemIndex);
		if (!values?.has(key)) return undefined;
		const value = values.get(key);
		values.delete(key);
		return { value };
	}

	forget(itemIndex: number): void {
		this.byItem.delete(itemIndex);
	}

	/** The execute context with the kept values of `itemIndex` answered first. */
	contextFor(ctx: IExecuteFunctions, itemIndex: number): IExecuteFunctions {
		if (!this.byItem.has(itemIndex)) return ctx;
		const getNodeParameter = (
			name: string,
			index: number,
			fallback?: unknown,
			options?: IGetNodeParameterOptions,
		) => {
			const kept =
				index === itemIndex ? this.take(index, keyOf(name, fallback, options)) : undefined;
			if (kept) return kept.value;
			return ctx.getNodeParameter(name, index, fallback as never, options);
		};
		return withGetNodeParameter(ctx, getNodeParameter);
	}
}

function withGetNodeParameter(
	ctx: IExecuteFunctions,
	getNodeParameter: (
		name: string,
		index: number,
		fallback?: unknown,
		options?: IGetNodeParameterOptions,
	) => unknown,
): IExecuteFunctions {
	return new Proxy(ctx, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		},
	});
}

/**
 * The context an item is checked with: getNodeParameter reads `$json` references off the item
 * and has n8n evaluate only other expressions, keeping those values in `evaluated`.
 */
export function checkingContext(
	ctx: IExecuteFunctions,
	itemIndex: number,
	evaluated: EvaluatedParameters,
): IExecuteFunctions {
	const getNodeParameter = (
		name: string,
		index: number,
		fallback?: unknown,
		options?: IGetNodeParameterOptions,
	): unknown => {
		const real = () => ctx.getNodeParameter(name, index, fallback as never, options);
		if (index !== itemIndex || options?.rawExpressions || options?.ensureType) return real();
		const raw: unknown = ctx.getNodeParameter(name, index, fallback as never, {
			rawExpressions: true,
		});
		if (!hasExpression(raw)) return real();
		const json = ctx.getInputData()[index]?.json ?? {};
		let value = resolve(raw, json);
		if (value !== UNRESOLVED && options?.extractValue) value = extracted(value);
		if (value !== UNRESOLVED) return value;
		const evaluatedValue = real();
		evaluated.keep(index, keyOf(name, fallback, options), evaluatedValue);
		return evaluatedValue;
	};
	return withGetNodeParameter(ctx, getNodeParameter);
}
