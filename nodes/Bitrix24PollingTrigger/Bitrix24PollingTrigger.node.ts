import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { ListRequest } from '../shared/bitrix24/transport';
import { PAGE_SIZE, rowsOf } from '../shared/bitrix24/transport';
import { authenticationProperty, bitrix24Credentials } from '../shared/bitrix24/credentials';
import { pollCalendar } from './calendar';
import type { Cursor } from './cursor';
import { advance } from './cursor';
import { pollUsers } from './users';
import type { Watched } from './watched';
import { WATCHED } from './watched';
import { bitrix24Client, type Bitrix24Client } from '../shared/bitrix24/client';

export class Bitrix24PollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Polling Trigger',
		name: 'bitrix24PollingTrigger',
		icon: { light: 'file:../../icons/bitrix24.svg', dark: 'file:../../icons/bitrix24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] + ": " + $parameter["resource"] }}',
		description:
			'Starts the workflow with new or updated Bitrix24 records, checking at an interval (no public URL needed)',
		defaults: { name: 'Bitrix24 Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: bitrix24Credentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Watch',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Calendar Event', value: 'calendarEvent' },
					{ name: 'Company', value: 'company' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Deal', value: 'deal' },
					{ name: 'Lead', value: 'lead' },
					{ name: 'Smart Process Item', value: 'item' },
					{ name: 'Task', value: 'task' },
					{ name: 'User', value: 'user' },
				],
				default: 'lead',
			},
			{
				displayName: 'Smart Process Type ID',
				name: 'entityTypeId',
				type: 'number',
				default: 0,
				required: true,
				description: 'The entityTypeId of the smart process (quotes 7, smart invoices 31)',
				displayOptions: { show: { resource: ['item'] } },
			},
			{
				displayName: 'Calendar Type',
				name: 'calendarType',
				type: 'options',
				options: [
					{ name: 'Company', value: 'company_calendar' },
					{ name: 'User', value: 'user' },
					{ name: 'Workgroup', value: 'group' },
				],
				default: 'user',
				displayOptions: { show: { resource: ['calendarEvent'] } },
			},
			{
				displayName: 'Calendar Owner ID',
				name: 'calendarOwnerId',
				type: 'number',
				default: 1,
				description:
					'The user or workgroup whose calendar to watch (ignored for the company calendar)',
				displayOptions: { show: { resource: ['calendarEvent'] } },
			},
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'New Records', value: 'created' },
					{ name: 'New or Updated Records', value: 'createdOrUpdated' },
				],
				default: 'created',
				displayOptions: { hide: { resource: ['user'] } },
			},
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'New Records', value: 'created' }],
				default: 'created',
				hint: 'Users can only be watched for new ones: Bitrix24 keeps no modification time for them',
				displayOptions: { show: { resource: ['user'] } },
			},
			{
				displayName: 'Include Existing Records on First Run',
				name: 'includeExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first poll after activation emits the records that already exist, instead of only those added or changed from then on',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const client = await bitrix24Client(this);
		const resource = this.getNodeParameter('resource') as string;
		const mode = this.getNodeParameter('event') as 'created' | 'createdOrUpdated';
		if (resource === 'user') return await pollUsers(this, client, mode);
		if (resource === 'calendarEvent') return await pollCalendar(this, client, mode);
		const watched = WATCHED[resource];
		const params: IDataObject = { select: watched.select };
		if (resource === 'item') {
			const entityTypeId = Number(this.getNodeParameter('entityTypeId', 0));
			if (!Number.isInteger(entityTypeId) || entityTypeId <= 0) {
				throw new NodeOperationError(
					this.getNode(),
					'Smart Process Type ID must be a positive number',
					{
						description:
							'Enter the entityTypeId of the smart process, e.g. 147 (see Smart Process Item → Get Many).',
					},
				);
			}
			params.entityTypeId = entityTypeId;
		}
		const orderField = mode === 'created' ? watched.idField : (watched.modifiedField as string);

		if (this.getMode() === 'manual') {
			const latest = await latestRow(client, watched, params, orderField);
			return latest ? [this.helpers.returnJsonArray([latest])] : null;
		}

		const state = this.getWorkflowStaticData('node') as { cursor?: Cursor; key?: string };
		const key = `${resource}:${String(params.entityTypeId ?? '')}:${mode}`;
		if (!state.cursor || state.key !== key) {
			const includeExisting = this.getNodeParameter('includeExisting', false) as boolean;
			state.key = key;
			state.cursor = includeExisting
				? {}
				: await startingCursor(client, watched, params, mode, orderField);
			if (!includeExisting) return null;
		}

		const cursor = state.cursor;
		const rows =
			mode === 'created'
				? await rowsAfterCursor(client, {
						method: watched.method,
						params: { ...params, filter: { [`>${watched.idField}`]: cursor.lastId ?? 0 } },
						rowsKey: watched.rowsKey,
						idField: watched.idField,
						rowIdField: watched.rowIdField,
					})
				: await changedSince(client, watched, params, cursor.since);
		const { fresh, next } = advance(rows, cursor, watched, mode);
		state.cursor = next;
		return fresh.length ? [this.helpers.returnJsonArray(fresh)] : null;
	}
}

/** The newest record by `orderField`, or undefined in an empty table. */
async function latestRow(
	client: Bitrix24Client,
	watched: Watched,
	params: IDataObject,
	orderField: string,
): Promise<IDataObject | undefined> {
	const envelope = await client.call(watched.method, {
		...params,
		order: { [orderField]: 'DESC', [watched.idField]: 'DESC' },
		start: -1,
	});
	return rowsOf(envelope.result, watched.rowsKey)[0];
}

/** A cursor at the newest existing record, so the first poll replays no history. */
async function startingCursor(
	client: Bitrix24Client,
	watched: Watched,
	params: IDataObject,
	mode: 'created' | 'createdOrUpdated',
	orderField: string,
): Promise<Cursor> {
	const latest = await latestRow(client, watched, params, orderField);
	if (!latest) return {};
	if (mode === 'created') return { lastId: Number(latest[watched.rowIdField]) };
	// Every record changed in the latest second is history too.
	const since = String(latest[watched.rowModifiedField as string]);
	return advance(await changedSince(client, watched, params, since), {}, watched, mode).next;
}

async function changedSince(
	client: Bitrix24Client,
	watched: Watched,
	params: IDataObject,
	since: string | undefined,
): Promise<IDataObject[]> {
	return await rowsAfterCursor(client, {
		method: watched.method,
		params: {
			...params,
			filter: since ? { [`>=${watched.modifiedField as string}`]: since } : {},
		},
		rowsKey: watched.rowsKey,
		idField: watched.idField,
		rowIdField: watched.rowIdField,
	});
}

/**
 * Most polls find nothing new: one plain page (ID order, no COUNT) answers them; the fast export,
 * whose first request also looks up the last ID, runs only when that page is full.
 */
async function rowsAfterCursor(client: Bitrix24Client, request: ListRequest): Promise<IDataObject[]> {
	const idField = request.idField ?? 'ID';
	const rowIdField = request.rowIdField ?? idField;
	const envelope = await client.call(request.method, {
		...request.params,
		order: { [idField]: 'ASC' },
		start: -1,
	});
	const page = rowsOf(envelope.result, request.rowsKey);
	if (page.length < PAGE_SIZE) return page;
	const filter = {
		...((request.params.filter as IDataObject | undefined) ?? {}),
		[`>${idField}`]: Number(page[page.length - 1][rowIdField]),
	};
	const rest = await client.export({ ...request, params: { ...request.params, filter } });
	return [...page, ...rest];
}
