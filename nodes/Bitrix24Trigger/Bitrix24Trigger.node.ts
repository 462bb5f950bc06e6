import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { isPortalAccessToken } from '../Bitrix24/transport';
import { portalOrigin } from '../Bitrix24/transport/connection';
import { BITRIX24_DESCRIPTION } from '../shared/appDescription';
import { bitrix24Credentials } from '../shared/authentication';
import { EVENT_NAME, eventDefinition, eventOptions, normalEventName } from './events';
import { nestFormBody, portalOf, subjectIds } from './payload';
import { fetchRecord } from './record';
import { bindEvents, boundEvents, unbindEvents } from './subscription';
import { learnedToken, rememberToken, sameToken } from './tokens';

export class Bitrix24Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Trigger',
		name: 'bitrix24Trigger',
		icon: { light: 'file:../../icons/bitrix24.svg', dark: 'file:../../icons/bitrix24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: BITRIX24_DESCRIPTION,
		defaults: { name: 'Bitrix24 Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: bitrix24Credentials,
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{
						name: 'Inbound Webhook (Events by an Outgoing Webhook You Set Up)',
						value: 'webhook',
					},
					{ name: 'OAuth2 (Subscribes Itself)', value: 'oAuth2' },
				],
				default: 'oAuth2',
			},
			{
				displayName:
					"In Bitrix24 open Developer resources → Other → Outgoing webhook, paste this trigger's Production URL as the handler address, tick the same events, save, and copy the Application Token below. Bitrix24 cannot subscribe a trigger itself with a webhook credential.",
				name: 'outgoingWebhookNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { authentication: ['webhook'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: eventOptions,
				default: [],
				description: 'The events that start the workflow',
			},
			{
				displayName: 'Custom Event Names',
				name: 'customEvents',
				type: 'string',
				default: '',
				placeholder: 'ONCRMDYNAMICITEMADD_147, ONIMBOTMESSAGEADD',
				description: 'Other Bitrix24 event names, comma-separated',
			},
			{
				displayName: 'Application Token',
				name: 'applicationToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'The token Bitrix24 shows for the outgoing webhook (or your app), sent with every event. Events without it are rejected. With OAuth2 it may stay empty: the trigger then checks the first event with the portal and remembers the token.',
			},
			{
				displayName: 'Fetch Full Record',
				name: 'fetchRecord',
				type: 'boolean',
				default: true,
				description:
					'Whether to read the lead, deal, task, user or calendar event the event is about, so the next node has all its fields (one more request per event)',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (!usesOAuth2(this)) return true;
				const bound = await boundEvents(this, handlerUrl(this));
				return selectedEvents(this).every((event) => bound.has(event));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!usesOAuth2(this)) return true;
				const events = selectedEvents(this);
				if (events.length === 0) {
					throw new NodeOperationError(this.getNode(), 'No events selected', {
						description: 'Choose at least one event, or enter a custom event name.',
					});
				}
				await bindEvents(this, handlerUrl(this), events);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (!usesOAuth2(this)) return true;
				await unbindEvents(this, handlerUrl(this));
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const reject = (status: number, error: string): IWebhookResponseData => {
			res.status(status).json({ error });
			return { noWebhookResponse: true };
		};

		const raw = this.getBodyData();
		const body = raw && typeof raw === 'object' ? nestFormBody(raw) : undefined;
		const auth = body?.auth as IDataObject | undefined;
		const event = normalEventName(body?.event);
		if (!body || !EVENT_NAME.test(event) || !auth || typeof auth !== 'object') {
			return reject(400, 'Not a Bitrix24 event');
		}
		const token = typeof auth.application_token === 'string' ? auth.application_token : '';
		if (!token || !(await trusted(this, auth, token))) {
			return reject(401, 'Unknown application token');
		}
		const selected = selectedEvents(this);
		if (!selected.includes(event) && !selected.includes(event.replace(/_\d+$/, ''))) {
			res.status(200).json({ ignored: true });
			return { noWebhookResponse: true };
		}
		// Bitrix24 lowers the priority of slow handlers: answer first, then read the record.
		res.status(200).json({ received: true });

		const data = (body.data ?? {}) as IDataObject;
		const ids = subjectIds(data);
		const definition = eventDefinition(event);
		const json: IDataObject = {
			event,
			...ids,
			data,
			handlerId: numberOrText(body.event_handler_id),
			timestamp: timestampOf(body.ts),
			portal: portalOf(auth),
		};
		if (definition && !definition.deleted && this.getNodeParameter('fetchRecord', true)) {
			try {
				json.record = (await fetchRecord(this, definition.subject, ids)) ?? null;
			} catch (error) {
				json.record = null;
				json.recordError = (error as Error).message;
			}
		}
		return { noWebhookResponse: true, workflowData: [[{ json }]] };
	}
}

function usesOAuth2(ctx: IHookFunctions | IWebhookFunctions): boolean {
	return ctx.getNodeParameter('authentication', 'oAuth2') === 'oAuth2';
}

function handlerUrl(ctx: IHookFunctions): string {
	return ctx.getNodeWebhookUrl('default') as string;
}

function selectedEvents(ctx: IHookFunctions | IWebhookFunctions): string[] {
	const chosen = ctx.getNodeParameter('events', []) as string[];
	const custom = String(ctx.getNodeParameter('customEvents', ''))
		.split(',')
		.map(normalEventName)
		.filter((name) => EVENT_NAME.test(name));
	return [...new Set([...chosen.map(normalEventName), ...custom])];
}

/**
 * A configured token must match. Without one (OAuth2 only), a token seen before must match, and
 * a new one is trusted once the event's access token opens the credential's portal.
 */
async function trusted(ctx: IWebhookFunctions, auth: IDataObject, token: string): Promise<boolean> {
	const configured = String(ctx.getNodeParameter('applicationToken', '')).trim();
	if (configured) return sameToken(token, configured);
	if (!usesOAuth2(ctx)) return false;
	const portal = await portalOrigin.call(ctx);
	const key = `${portal} ${ctx.getNode().id}`;
	const known = learnedToken(key);
	if (known !== undefined) return sameToken(token, known);
	if (typeof auth.domain !== 'string' || new URL(portal).host !== auth.domain) return false;
	const accessToken = typeof auth.access_token === 'string' ? auth.access_token : '';
	if (!(await isPortalAccessToken.call(ctx, accessToken))) return false;
	rememberToken(key, token);
	return true;
}

function numberOrText(value: unknown) {
	return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string);
}

function timestampOf(ts: unknown): string | undefined {
	const seconds = Number(ts);
	return Number.isFinite(seconds) && seconds > 0
		? new Date(seconds * 1000).toISOString()
		: undefined;
}
