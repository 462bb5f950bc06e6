import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PhoneOptions } from '../conversation/phone';
import { assignPath, bracketPath } from './events/formBody';

/** Reads a JSON parameter that must hold an object; names the field and item when it does not. */
export function jsonObjectParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): IDataObject {
	const raw = ctx.getNodeParameter(name, itemIndex, '{}') as unknown;
	if (raw === '' || raw === undefined || raw === null) return {};
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `${label} is not valid JSON`, {
				itemIndex,
				description: `Fix the JSON in "${label}" (${(error as Error).message}). Example: {"UF_CRM_123": "value"}`,
			});
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be a JSON object`, {
			itemIndex,
			description: `Use an object such as {"KEY": "value"} in "${label}".`,
		});
	}
	return value as IDataObject;
}

/** A record ID from a resource locator or number field; must be a positive integer. */
export function recordIdParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): number {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const id = Number(String(raw).trim());
	if (!Number.isInteger(id) || id <= 0) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be a positive whole number`, {
			itemIndex,
			description: `Got "${String(raw)}". Pick the record from the list, or enter its numeric ID or its Bitrix24 URL.`,
		});
	}
	return id;
}

/**
 * Expands a bracket-notation name into nested objects, as Bitrix24 does: `filter[>ID]` = 5
 * becomes `{ filter: { '>ID': 5 } }` and `select[]` appends to a list. Names may come from
 * outside data, so the package's one guarded parser reads them (no prototype keys, bounded).
 */
export function setBracketPath(
	ctx: IExecuteFunctions,
	target: IDataObject,
	name: string,
	value: unknown,
	itemIndex: number,
): void {
	const path = bracketPath(name.trim());
	const written = path.ok ? assignPath(target, path.value, value) : path;
	if (!written.ok) {
		throw new NodeOperationError(ctx.getNode(), `Parameter name "${name}" cannot be used`, {
			itemIndex,
			description: `In "Parameters", ${written.reason}. Use names like fields[TITLE], filter[>ID] or select[]; __proto__, constructor and prototype are not allowed.`,
		});
	}
}

const METHOD_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/i;

/** A REST method name such as crm.deal.list, trimmed; names the item when it is not one. */
export function checkedMethodName(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): string {
	const method = String(value ?? '').trim();
	if (!METHOD_NAME.test(method)) {
		throw new NodeOperationError(ctx.getNode(), `"${method}" is not a Bitrix24 method name`, {
			itemIndex,
			description: 'Method names look like crm.deal.list or user.current (letters, digits, dots).',
		});
	}
	return method;
}

/**
 * A "Filters" collection as a Bitrix24 filter: options left empty are dropped, and its
 * "Custom Filter (JSON)" (option `custom`) is merged in.
 */
export function filterParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): IDataObject {
	const chosen = { ...(ctx.getNodeParameter(name, itemIndex, {}) as IDataObject) };
	const custom =
		chosen.custom !== undefined
			? jsonObjectParameter(ctx, `${name}.custom`, itemIndex, 'Custom Filter (JSON)')
			: {};
	delete chosen.custom;
	for (const [key, value] of Object.entries(chosen))
		if (value === '' || value === 0 || (Array.isArray(value) && value.length === 0))
			delete chosen[key];
	return { ...chosen, ...custom };
}

/** The row limit of a "Return All / Limit" pair: undefined for all rows. */
export function rowLimitParameter(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	return ctx.getNodeParameter('returnAll', itemIndex, false)
		? undefined
		: (ctx.getNodeParameter('limit', itemIndex, 50) as number);
}

/** The Default Country Code parameter as phone options: 1 to 3 digits, with or without "+". */
export function phoneOptionsParameter(ctx: IExecuteFunctions, itemIndex: number): PhoneOptions {
	const raw = String(ctx.getNodeParameter('defaultCountryCode', itemIndex, '') ?? '').trim();
	if (raw === '') return {};
	if (!/^\+?[1-9]\d{0,2}$/.test(raw)) {
		throw new NodeOperationError(ctx.getNode(), `"${raw}" is not a country calling code`, {
			itemIndex,
			description: 'Default Country Code takes the digits of a calling code, such as 49 or +49.',
		});
	}
	return { defaultCountryCode: raw };
}
