import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { asItemError, isItemError, planEachItem } from '../../../shared/bitrix24/execute';
import type { ItemError } from '../../../shared/bitrix24/execute';
import { checkedMethodName, jsonObjectParameter } from '../../../shared/bitrix24/parameters';
import type { Command, CommandResult } from '../../../shared/bitrix24/transport';
import { referencedKeys, substituteReferences, valueAt } from './references';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

const BATCH_SIZE = 50;

const properties: INodeProperties[] = [
	{
		displayName: 'Calls From',
		name: 'callsFrom',
		type: 'options',
		options: [
			{ name: 'One Call per Input Item', value: 'items' },
			{ name: 'List of Calls (JSON)', value: 'json' },
		],
		default: 'items',
	},
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		default: '',
		placeholder: 'newLead',
		description:
			'Name of the call, which later calls use in references such as $result[newLead]. Empty: call1, call2, … in order.',
		displayOptions: { show: { callsFrom: ['items'] } },
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'crm.lead.add',
		displayOptions: { show: { callsFrom: ['items'] } },
	},
	{
		displayName: 'Parameters (JSON)',
		name: 'parametersJson',
		type: 'json',
		default: '{}',
		placeholder: '{"ID": "$result[newLead]"}',
		displayOptions: { show: { callsFrom: ['items'] } },
	},
	{
		displayName: 'Calls (JSON)',
		name: 'callsJson',
		type: 'json',
		default: '[]',
		placeholder:
			'[{"key": "newLead", "method": "crm.lead.add", "params": {"fields": {"TITLE": "Ann"}}}, {"key": "lead", "method": "crm.lead.get", "params": {"ID": "$result[newLead]"}}]',
		description: 'The calls of this item: a list of {key, method, params}',
		displayOptions: { show: { callsFrom: ['json'] } },
	},
	{
		displayName: 'Halt on Error',
		name: 'halt',
		type: 'boolean',
		default: false,
		description:
			'Whether to stop at the first failing call, so the calls after it do not run. Without it every call runs and each failure is reported on its own; turn it on when later calls use the results of earlier ones.',
	},
	{
		displayName:
			'Calls go 50 per request, in order. References to calls of an earlier request are filled in by the node, so $result[key] works across any number of calls.',
		name: 'referencesNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['run'] } },
	properties,
);

interface NamedCall extends Command {
	itemIndex: number;
	/** Keys of the calls its parameters refer to. */
	refs: string[];
}

/** A call as the parameters give it, before it is named. */
type PlannedCall = Omit<NamedCall, 'key' | 'refs'> & { key?: string };

type CallOutcome =
	| { ok: true; result: CommandResult & { ok: true } }
	| { ok: false; error: ItemError };

const KEY = /^[\w.-]+$/;

function callsOfItem(ctx: IExecuteFunctions, itemIndex: number): PlannedCall[] {
	if (ctx.getNodeParameter('callsFrom', itemIndex, 'items') === 'items') {
		const key = String(ctx.getNodeParameter('key', itemIndex, '')).trim();
		return [
			{
				itemIndex,
				key: key || undefined,
				method: checkedMethodName(ctx, ctx.getNodeParameter('method', itemIndex, ''), itemIndex),
				params: jsonObjectParameter(ctx, 'parametersJson', itemIndex, 'Parameters (JSON)'),
			},
		];
	}
	let list = ctx.getNodeParameter('callsJson', itemIndex, '[]') as unknown;
	if (typeof list === 'string') {
		try {
			list = JSON.parse(list);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), 'Calls (JSON) is not valid JSON', {
				itemIndex,
				description: `Fix the JSON in "Calls (JSON)" (${(error as Error).message}).`,
			});
		}
	}
	if (!Array.isArray(list)) {
		throw new NodeOperationError(ctx.getNode(), 'Calls (JSON) must be a list', {
			itemIndex,
			description:
				'Use a list such as [{"key": "a", "method": "crm.lead.get", "params": {"id": 1}}].',
		});
	}
	return list.map((entry: IDataObject, position) => {
		const params = entry?.params ?? {};
		if (params === null || typeof params !== 'object' || Array.isArray(params)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Call ${position + 1}: params must be an object`,
				{
					itemIndex,
					description: 'Give each call its parameters as an object, e.g. "params": {"id": 5}.',
				},
			);
		}
		return {
			itemIndex,
			key: entry?.key === undefined || entry.key === '' ? undefined : String(entry.key).trim(),
			method: checkedMethodName(ctx, entry?.method, itemIndex),
			params: params as IDataObject,
		};
	});
}

/** Names the calls, and checks keys are unique and references point to earlier calls. */
function nameCalls(
	ctx: IExecuteFunctions,
	planned: Array<PlannedCall[] | ItemError>,
): Array<NamedCall | ItemError> {
	const calls: Array<NamedCall | ItemError> = [];
	const seen = new Set<string>();
	let count = 0;
	for (const plan of planned) {
		if (isItemError(plan)) {
			calls.push(plan);
			continue;
		}
		for (const call of plan) {
			count++;
			const key = call.key ?? `call${count}`;
			const refs = [...referencedKeys(call.params)];
			const problem = !KEY.test(key)
				? `Key "${key}" can only have letters, digits, "_", "-" and "."`
				: seen.has(key)
					? `Key "${key}" is used by two calls`
					: refs.find((ref) => !seen.has(ref));
			seen.add(key);
			if (problem === undefined) {
				calls.push({ ...call, key, refs });
				continue;
			}
			const message = problem.startsWith('Key')
				? problem
				: `Call "${key}" refers to "${problem}", which is not an earlier call`;
			const error = new NodeOperationError(ctx.getNode(), message, {
				itemIndex: call.itemIndex,
				description: 'Give every call its own key; a call can only refer to calls before it.',
			});
			if (!ctx.continueOnFail()) throw error;
			calls.push(error);
		}
	}
	return calls;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: Bitrix24Client,
): Promise<INodeExecutionData[]> {
	const planned = await planEachItem(this, items.length, (itemIndex) =>
		callsOfItem(this, itemIndex),
	);
	const calls = nameCalls(this, planned);
	const stopAtFailure =
		(this.getNodeParameter('halt', 0, false) as boolean) || !this.continueOnFail();

	const outcomes = new Map<string, CallOutcome>();
	const answered = new Map<string, CommandResult>();
	let haltedAt: string | undefined;
	const failDependent = (call: NamedCall, on: string) =>
		outcomes.set(call.key, {
			ok: false,
			error: new NodeOperationError(
				this.getNode(),
				`Call "${call.key}" was not run: call "${on}" failed`,
				{
					itemIndex: call.itemIndex,
				},
			),
		});

	const named = calls.filter((call): call is NamedCall => !isItemError(call));
	let next = 0;
	while (next < named.length && haltedAt === undefined) {
		const part: NamedCall[] = [];
		const inPart = new Set<string>();
		let chained = false;
		for (; next < named.length && part.length < BATCH_SIZE; next++) {
			const call = named[next];
			const failed = call.refs.find(
				(ref) =>
					(answered.get(ref) ?? { ok: true }).ok === false ||
					(!answered.has(ref) && !inPart.has(ref)),
			);
			if (failed !== undefined) {
				failDependent(call, failed);
				continue;
			}
			const params = substituteReferences(call.params, ({ kind, key, path }) => {
				const answer = answered.get(key);
				if (!answer?.ok) return undefined;
				if (kind === 'next') return { value: answer.next };
				if (kind === 'total') return { value: answer.total };
				return { value: valueAt(answer.result, path) };
			}) as IDataObject;
			chained ||= call.refs.some((ref) => inPart.has(ref));
			part.push({ ...call, params });
			inPart.add(call.key);
		}
		if (part.length === 0) continue;

		const results = await client.batch(part, {
			stopOnFailure: stopAtFailure,
			resend: !chained,
		});
		for (const call of part) {
			const result = results.get(call.key);
			if (!result) continue;
			answered.set(call.key, result);
			outcomes.set(
				call.key,
				result.ok
					? { ok: true, result }
					: { ok: false, error: client.error(result, call.itemIndex) },
			);
			if (!result.ok && stopAtFailure && haltedAt === undefined) haltedAt = call.key;
		}
	}

	const output: INodeExecutionData[] = [];
	for (const entry of calls) {
		const call = isItemError(entry) ? undefined : entry;
		const itemIndex = call ? call.itemIndex : ((entry as ItemError).context.itemIndex as number);
		const outcome: CallOutcome = isItemError(entry)
			? { ok: false, error: entry }
			: (outcomes.get(entry.key) ?? {
					ok: false,
					error: new NodeOperationError(
						this.getNode(),
						`Call "${entry.key}" was not run: the batch halted at call "${haltedAt}"`,
						{ itemIndex: entry.itemIndex },
					),
				});
		if (!outcome.ok && !this.continueOnFail()) throw asItemError(this, outcome.error, itemIndex);
		const named = call ? { key: call.key, method: call.method } : {};
		const json: IDataObject = outcome.ok
			? {
					...named,
					result: outcome.result.result as IDataObject[string],
					...(outcome.result.next !== undefined ? { next: outcome.result.next } : {}),
					...(outcome.result.total !== undefined ? { total: outcome.result.total } : {}),
				}
			: {
					...named,
					error: outcome.error.message,
					...(outcome.error.description ? { details: outcome.error.description } : {}),
				};
		output.push({ json, pairedItem: { item: itemIndex } });
	}
	return output;
}
