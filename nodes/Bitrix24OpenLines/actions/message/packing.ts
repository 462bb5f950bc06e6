import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Bitrix24Client } from '../../../shared/bitrix24/client';
import type { ItemError } from '../../../shared/bitrix24/execute';
import type { ItemCall } from '../../../shared/bitrix24/transport';

/*
 * The imconnector message methods take a MESSAGES list for one connector and line. The messages
 * of many items therefore go out together: one call per connector and line with up to
 * "Messages per Request" messages, and calls for several lines side by side in one batch
 * request while their messages fit in that bound. A single call goes as a plain JSON request.
 * Bitrix24 answers per message; each answer goes back to the item the message came from.
 */

/** One item's entry for a MESSAGES list. */
export interface PackedMessage {
	itemIndex: number;
	connector: string;
	line: number;
	entry: IDataObject;
}

export type MessageOutcome = { ok: true; result: IDataObject } | { ok: false; error: ItemError };

/** How a method answers for each message of a call: its result, or why it failed. */
export type ReadAnswer = (
	answer: IDataObject,
	count: number,
) => Array<{ ok: true; result: IDataObject } | { ok: false; reason: string }>;

interface Call {
	connector: string;
	line: number;
	messages: PackedMessage[];
}

/** Calls of at most `size` messages, one connector and line each, in the order lines first appear. */
function callsOf(messages: PackedMessage[], size: number): Call[] {
	const byLine = new Map<string, Call[]>();
	for (const message of messages) {
		const key = `${message.connector}\u0000${message.line}`;
		const calls = byLine.get(key) ?? [];
		byLine.set(key, calls);
		let last = calls[calls.length - 1];
		if (!last || last.messages.length >= size) {
			last = { connector: message.connector, line: message.line, messages: [] };
			calls.push(last);
		}
		last.messages.push(message);
	}
	return [...byLine.values()].flat();
}

/** A batch holds at most 50 commands. */
const CALLS_PER_BATCH = 50;

/**
 * Calls grouped into as few requests of at most `size` messages (and 50 calls) as first-fit
 * decreasing finds. A line's calls before its last one are full, so each fills a request of its
 * own, created before any request its later calls could join: a chat's messages keep their order.
 */
function requestsOf(calls: Call[], size: number): Call[][] {
	const requests: Array<{ calls: Call[]; count: number }> = [];
	const bySize = [...calls].sort((a, b) => b.messages.length - a.messages.length);
	for (const call of bySize) {
		const fits = requests.find(
			(request) =>
				request.count + call.messages.length <= size && request.calls.length < CALLS_PER_BATCH,
		);
		if (fits) {
			fits.calls.push(call);
			fits.count += call.messages.length;
		} else requests.push({ calls: [call], count: call.messages.length });
	}
	return requests.map((request) => request.calls);
}

/** The fix for the refusal every message method gives for a line it cannot use. */
function explainRefusal(error: ItemError, call: Call): ItemError {
	if (/NOT_ACTIVE_LINE/.test(`${error.message} ${error.description ?? ''}`)) {
		error.description =
			`Line ${call.line} is inactive or does not exist, or the connector "${call.connector}" is not active on it. Activate the connector on the line (Connector → Activate, or the Open Lines Trigger's Activate on Lines option). ${error.description ?? ''}`.trim();
	} else if (/IMCONNECTOR_NO_CORRECT_PROVIDER/.test(error.message)) {
		error.description =
			`No connector "${call.connector}" is registered for this app: register it first (Connector → Register). ${error.description ?? ''}`.trim();
	}
	return error;
}

/**
 * Sends every message with `method`, packed as above, and returns each item's outcome. Without
 * "Continue On Fail" nothing more is sent after the first failure.
 */
export async function sendPacked(
	ctx: IExecuteFunctions,
	client: Bitrix24Client,
	{
		method,
		messages,
		perRequest,
		read,
	}: { method: string; messages: PackedMessage[]; perRequest: number; read: ReadAnswer },
): Promise<Map<number, MessageOutcome>> {
	const outcomes = new Map<number, MessageOutcome>();
	const stopOnFailure = !ctx.continueOnFail();
	for (const request of requestsOf(callsOf(messages, perRequest), perRequest)) {
		const calls: ItemCall[] = request.map((call) => ({
			itemIndex: call.messages[0].itemIndex,
			method,
			params: {
				CONNECTOR: call.connector,
				LINE: call.line,
				MESSAGES: call.messages.map((message) => message.entry),
			},
			alone: request.length === 1,
		}));
		const results = new Map(
			(await client.items(calls, { stopOnFailure })).map((result) => [result.itemIndex, result]),
		);
		let failed = false;
		for (const call of request) {
			const result = results.get(call.messages[0].itemIndex);
			if (!result) continue;
			if (!result.ok) {
				failed = true;
				const error = explainRefusal(result.error, call);
				for (const message of call.messages) outcomes.set(message.itemIndex, { ok: false, error });
				continue;
			}
			const answers = read((result.result ?? {}) as IDataObject, call.messages.length);
			call.messages.forEach((message, position) => {
				const answer = answers[position];
				if (answer?.ok) {
					outcomes.set(message.itemIndex, { ok: true, result: answer.result });
					return;
				}
				failed = true;
				outcomes.set(message.itemIndex, {
					ok: false,
					error: new NodeOperationError(
						ctx.getNode(),
						`Bitrix24 ${method} did not take this message: ${answer?.reason ?? 'it gave no answer for it'}`,
						{ itemIndex: message.itemIndex },
					),
				});
			});
		}
		if (failed && stopOnFailure) break;
	}
	return outcomes;
}

const reasonOf = (entry: IDataObject | undefined) => {
	const errors = entry?.ERRORS;
	const list = Array.isArray(errors) ? errors : errors ? Object.values(errors as IDataObject) : [];
	return list.length ? list.map(String).join('; ') : 'Bitrix24 refused it without a reason';
};

/** send/update/delete.messages: `{SUCCESS, DATA: {RESULT: [one entry per message]}}`. */
export const perMessageResults: ReadAnswer = (answer, count) => {
	const rows = (answer.DATA as IDataObject | undefined)?.RESULT;
	const list = Array.isArray(rows) ? (rows as IDataObject[]) : [];
	return Array.from({ length: count }, (_, position) => {
		const entry = list[position];
		return entry?.SUCCESS === true
			? { ok: true as const, result: entry }
			: { ok: false as const, reason: entry ? reasonOf(entry) : 'Bitrix24 gave no answer for it' };
	});
};

/** The status methods: `{SUCCESS, DATA: []}` for the whole call. */
export const wholeCallResult: ReadAnswer = (answer, count) =>
	Array.from({ length: count }, () =>
		answer.SUCCESS === true
			? { ok: true as const, result: answer }
			: { ok: false as const, reason: 'Bitrix24 answered SUCCESS: false' },
	);
