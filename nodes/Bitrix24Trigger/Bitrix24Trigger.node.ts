import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { BITRIX24_DESCRIPTION } from '../shared/bitrix24/appDescription';
import { bitrix24Client } from '../shared/bitrix24/client';
import { credentialTest } from '../shared/bitrix24/transport';
import { readRecord } from '../shared/bitrix24/entities/catalogue';
import { applicationTokenTest } from '../shared/bitrix24/events/applicationToken';
import { eventBasics, eventData } from '../shared/bitrix24/events/payload';
import { eventBinding, isSubscribed, subscribe } from '../shared/bitrix24/events/subscription';
import { verifyEvent } from '../shared/bitrix24/events/verify';
import { eventDefinition } from './events';
import { subjectIds } from './payload';
import { triggerProperties } from './properties';
import { handlerUrl, selectedEvents, tokenSource, usesOAuth2 } from './settings';

export class Bitrix24Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Trigger',
		name: 'bitrix24Trigger',
		icon: { light: 'file:../../icons/bitrix24.svg', dark: 'file:../../icons/bitrix24.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: BITRIX24_DESCRIPTION,
		defaults: { name: 'Bitrix24 Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Listed literally, as in the Bitrix24 node: n8n's lint reads the credentials' tests here.
		credentials: [
			{
				name: 'bitrix24WebhookApi',
				required: true,
				testedBy: 'bitrix24WebhookApiTest',
				displayOptions: { show: { authentication: ['webhook'] } },
			},
			{
				name: 'bitrix24OAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
			{
				name: 'bitrix24ApplicationTokenApi',
				required: false,
				testedBy: 'applicationTokenTest',
				displayOptions: { show: { '@version': [2] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: {
			...credentialTest,
			applicationTokenTest,
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const source = await tokenSource(this);
				if (!usesOAuth2(this)) {
					if (!source.configured) throw missingTokenError(this);
					return true;
				}
				return await isSubscribed(this, await oauthClient(this), eventBinding, {
					handler: handlerUrl(this),
					events: selectedEvents(this),
					source,
				});
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!usesOAuth2(this)) return true;
				const events = selectedEvents(this);
				if (events.length === 0) {
					throw new NodeOperationError(this.getNode(), 'No events selected', {
						description: 'Choose at least one event, or enter a custom event name.',
					});
				}
				await subscribe(this, await oauthClient(this), eventBinding, {
					handler: handlerUrl(this),
					events,
					source: await tokenSource(this),
				});
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (!usesOAuth2(this)) return true;
				await eventBinding.unbind(await oauthClient(this), handlerUrl(this));
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
		// n8n answers a proof once it saved the learned token, so the next event finds it.
		if (verdict.kind === 'proven') return { webhookResponse: { received: true } };
		const { event, envelope } = verdict;
		const selected = selectedEvents(this);
		if (!selected.includes(event) && !selected.includes(event.replace(/_\d+$/, ''))) {
			return answer(200, { ignored: true });
		}
		const body = envelope.body();
		if (!body.ok) return answer(400, { error: `Not a Bitrix24 event: ${body.reason}` });
		// Bitrix24 lowers the priority of slow handlers: answer first, then read the record.
		res.status(200).json({ received: true });

		const data = eventData(body.value);
		const ids = subjectIds(data);
		const json: IDataObject = { ...eventBasics(event, body.value), ...ids, data };
		const definition = eventDefinition(event);
		if (definition && !definition.deleted && this.getNodeParameter('fetchRecord', true)) {
			try {
				json.record =
					(await readRecord(await bitrix24Client(this), definition.entity, ids)) ?? null;
			} catch (error) {
				json.record = null;
				json.recordError = (error as Error).message;
			}
		}
		return { noWebhookResponse: true, workflowData: [[{ json }]] };
	}
}

/** Subscriptions are an app's: only the OAuth2 credential can make them. */
async function oauthClient(ctx: IHookFunctions) {
	return await bitrix24Client(ctx, ['bitrix24OAuth2Api']);
}

function missingTokenError(ctx: IHookFunctions): NodeOperationError {
	const where =
		ctx.getNode().typeVersion < 2
			? 'in the Application Token field'
			: 'in a Bitrix24 Application Token credential selected in this node';
	return new NodeOperationError(
		ctx.getNode(),
		"The outgoing webhook's application token is missing",
		{
			description: `Bitrix24 shows it under Developer resources → Other → Outgoing webhook. Put it ${where}; without it every event would be rejected.`,
		},
	);
}
