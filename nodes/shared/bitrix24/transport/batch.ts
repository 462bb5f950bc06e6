import type { IDataObject } from 'n8n-workflow';

import type { Envelope } from './envelope';
import { asMap } from './envelope';
import type { Bitrix24Failure } from './errors';
import { statusOfCode } from './errors';
import { isReadMethod } from './caller';

type Value = IDataObject[keyof IDataObject];

function scalar(value: Value): string {
	if (value === true) return '1';
	if (value === false) return '0';
	if (value === null || value === undefined) return '';
	return String(value);
}

function append(pairs: string[], key: string, value: Value): void {
	if (Array.isArray(value)) {
		value.forEach((entry, index) => append(pairs, `${key}[${index}]`, entry as Value));
	} else if (value !== null && typeof value === 'object') {
		for (const [child, entry] of Object.entries(value))
			append(pairs, `${key}[${child}]`, entry as Value);
	} else {
		pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(scalar(value))}`);
	}
}

/**
 * Encodes parameters the way PHP's http_build_query does (`fields[PHONE][0][VALUE]=…`), which is
 * how Bitrix24 reads the parameters of every command inside a `batch`. As in PHP, booleans become
 * 1/0 and empty arrays or objects are left out (an empty `filter=` would be read as a string).
 */
export function buildPhpQuery(params: IDataObject): string {
	const pairs: string[] = [];
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined) continue;
		append(pairs, key, value);
	}
	return pairs.join('&');
}

export const BATCH_LIMIT = 50;

/** One named command of a `batch` request. Params may hold `$result[key]…` references. */
export interface Command {
	key: string;
	method: string;
	params: IDataObject;
}

export type CommandResult =
	| { ok: true; result: unknown; total?: number; next?: number }
	/** `outcomeUnknown`: the request may have run (connection lost, server error on a write). */
	| { ok: false; failure: Bitrix24Failure; outcomeUnknown?: boolean };

/** Code of commands a halted batch skipped: they did not run. */
export const NOT_EXECUTED = 'NOT_EXECUTED';

const REFERENCE = /\$(result|next|total|time|error)\b/i;

/**
 * Bitrix24 substitutes `$result[…]`-style references anywhere inside a batch command, so a value
 * that merely contains such text (a lead titled "$result[x]") would be rewritten. Calls carrying
 * such values must be sent on their own.
 */
export function containsBatchReference(value: unknown): boolean {
	if (typeof value === 'string') return REFERENCE.test(value);
	if (value !== null && typeof value === 'object')
		return Object.values(value).some(containsBatchReference);
	return false;
}

export function batchBody(commands: Command[], halt: boolean): IDataObject {
	const cmd: IDataObject = {};
	for (const { key, method, params } of commands) {
		const query = buildPhpQuery(params);
		cmd[key] = query ? `${method}?${query}` : method;
	}
	return { halt: halt ? 1 : 0, cmd };
}

export function batchIsRead(commands: Command[]): boolean {
	return commands.every((command) => isReadMethod(command.method));
}

/** The `time` block of each command that has one (`result_time`), by key. */
export function commandTimes(envelope: Envelope): Map<string, IDataObject> {
	const times = asMap(asMap(envelope.result).result_time);
	const byKey = new Map<string, IDataObject>();
	for (const [key, time] of Object.entries(times)) {
		if (time !== null && typeof time === 'object' && !Array.isArray(time))
			byKey.set(key, time as IDataObject);
	}
	return byKey;
}

/** Splits a `batch` answer into one result or failure per command, in the order given. */
export function readBatch(envelope: Envelope, commands: Command[]): Map<string, CommandResult> {
	const outer = asMap(envelope.result);
	const results = asMap(outer.result);
	const errors = asMap(outer.result_error);
	const totals = asMap(outer.result_total);
	const nexts = asMap(outer.result_next);
	const byKey = new Map<string, CommandResult>();

	for (const { key, method } of commands) {
		const error = errors[key] as IDataObject | undefined;
		if (error) {
			byKey.set(key, {
				ok: false,
				failure: {
					method,
					status: statusOfCode(String(error.error ?? '')),
					code: String(error.error ?? ''),
					description: String(error.error_description ?? ''),
				},
			});
		} else if (key in results) {
			byKey.set(key, {
				ok: true,
				result: results[key],
				total: totals[key] as number | undefined,
				next: nexts[key] as number | undefined,
			});
		} else {
			byKey.set(key, {
				ok: false,
				failure: {
					method,
					status: 400,
					code: NOT_EXECUTED,
					description: 'Not run because an earlier command of the batch failed',
				},
			});
		}
	}
	return byKey;
}

export function chunk<T>(list: T[], size = BATCH_LIMIT): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}
