import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { OPEN_LINES_DESCRIPTION } from '../shared/bitrix24/appDescription';
import { bitrix24Client, type Bitrix24Client } from '../shared/bitrix24/client';
import { applicationTokenTest } from '../shared/bitrix24/events/applicationToken';
import { eventBasics } from '../shared/bitrix24/events/payload';
import { eventBinding, isSubscribed, subscribe } from '../shared/bitrix24/events/subscription';
import { verifyEvent } from '../shared/bitrix24/events/verify';
import { isSetUp, setUp, tearDown, wantsSetUp } from './connector';
import { eventItems } from './output';
import { isOpenLinesEvent, readConnectorEvent } from './payload';
import { triggerProperties } from './properties';
import {
	connectorOf,
	handlerUrl,
	linesOf,
	outputOptions,
	selectedEvents,
	tokenSource,
} from './settings';

const oauthClient = async (ctx: IHookFunctions | IWebhookFunctions) =>
	await bitrix24Client(ctx, ['bitrix24OAuth2Api']);

export class Bitrix24OpenLinesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Open Lines Trigger',
		name: 'bitrix24OpenLinesTrigger',
		icon: { light: 'file:../../icons/bitrix24.svg', dark: 'file:../../icons/bitrix24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["connector"] }}',
		description: OPEN_LINES_DESCRIPTION,
		defaults: { name: 'Bitrix24 Open Lines Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'bitrix24OAuth2Api', required: true },
			{
				name: 'bitrix24ApplicationTokenApi',
				required: false,
				testedBy: 'applicationTokenTest',
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	methods = { credentialTest: { applicationTokenTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const client = await oauthClient(this);
				const subscribed = await isSubscribed(this, client, eventBinding, {
					handler: handlerUrl(this),
					events: selectedEvents(this),
					source: await tokenSource(this),
				});
				return subscribed && (!wantsSetUp(this) || (await isSetUp(this, client)));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const events = selectedEvents(this);
				if (events.length === 0) {
					throw new NodeOperationError(this.getNode(), 'No events selected', {
						description: 'Choose at least one event.',
					});
				}
				// A wrong Connector ID or Lines fails activation, before anything is set up.
				connectorOf(this);
				linesOf(this);
				const client: Bitrix24Client = await oauthClient(this);
				if (wantsSetUp(this)) await setUp(this, client);
				await subscribe(this, client, eventBinding, {
					handler: handlerUrl(this),
					events,
					source: await tokenSource(this),
				});
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const client = await oauthClient(this);
				await eventBinding.unbind(client, handlerUrl(this));
				await tearDown(this, client);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const answer = (status: number, body: IDataObject): IWebhookResponseData => {
			res.status(status).json(body);
			return { noWebhookResponse: true };
		};

		const verdict = await verifyEvent(this, await tokenSource(this));
		if (verdict.kind === 'refuse') return answer(verdict.status, { error: verdict.error });
		if (verdict.kind === 'proven') return { webhookResponse: { received: true } };
		const { event, envelope } = verdict;
		if (!selectedEvents(this).includes(event)) return answer(200, { ignored: true });
		if (!isOpenLinesEvent(event)) return answer(200, { ignored: true });
		const body = envelope.body();
		if (!body.ok) return answer(400, { error: `Not a Bitrix24 event: ${body.reason}` });
		const data = body.value.data;
		const parsed = readConnectorEvent(event, data);
		if (!parsed.ok) return answer(400, { error: `Not an Open Lines event: ${parsed.reason}` });
		const lines = linesOf(this);
		const foreign =
			(parsed.value.connector !== undefined && parsed.value.connector !== connectorOf(this)) ||
			(lines.length > 0 && !lines.includes(parsed.value.line));
		if (foreign) return answer(200, { ignored: true });
		// Bitrix24 lowers the priority of slow handlers: answer first, then read and download.
		res.status(200).json({ received: true });

		const basics = eventBasics(event, body.value);
		let client: Promise<Bitrix24Client> | undefined;
		const items = await eventItems(
			{
				ctx: this,
				client: async () => await (client ??= oauthClient(this)),
				options: outputOptions(this),
				timestamp: (basics.timestamp as string | undefined) ?? new Date().toISOString(),
				basics,
			},
			parsed.value,
			data,
		);
		return { noWebhookResponse: true, workflowData: [items] };
	}
}
