import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { BITRIX24_DESCRIPTION } from '../shared/bitrix24/appDescription';
import { readEventEnvelope } from '../shared/bitrix24/events/envelope';
import { credentialTest } from '../shared/bitrix24/credentialTest';
import { hasLearnedToken, isTrusted } from './applicationToken';
import { eventDefinition } from './events';
import { portalOf, subjectIds } from './payload';
import { acceptProofEvent, PROOF_EVENT, requestProof } from './proof';
import { triggerProperties } from './properties';
import { fetchRecord } from './record';
import { configuredToken, handlerUrl, selectedEvents, usesOAuth2 } from './settings';
import { bindEvents, boundEvents, unbindEvents } from './subscription';
import { bitrix24Client } from '../shared/bitrix24/client';

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
			/** Bitrix24 has no request that checks an application token; events do. */
			async applicationTokenTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const token = String(credential.data?.applicationToken ?? '');
				return token.trim() === '' || /\s/.test(token.trim())
					? { status: 'Error', message: 'Paste the application token: one word, no spaces' }
					: { status: 'OK', message: 'Saved; the trigger compares it with every event' };
			},
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const configured = await configuredToken(this);
				if (!usesOAuth2(this)) {
					if (!configured) throw missingTokenError(this);
					return true;
				}
				// Without a token, activation must (again) ask for the proof: see proof.ts.
				if (!configured && !hasLearnedToken(this)) return false;
				const bound = await boundEvents(await oauthClient(this), handlerUrl(this));
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
				const needsProof = !(await configuredToken(this));
				const client = await oauthClient(this);
				const subscribed = needsProof ? [PROOF_EVENT, ...events] : events;
				await bindEvents(this, client, handlerUrl(this), subscribed);
				if (needsProof) await requestProof(this, client);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (!usesOAuth2(this)) return true;
				await unbindEvents(await oauthClient(this), handlerUrl(this));
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

		// Only the event name and the token are read before the token is checked: a request that
		// is not from Bitrix24 costs no nesting and no outbound request.
		const envelope = readEventEnvelope(this.getBodyData());
		if (!envelope.ok) return answer(400, { error: 'Not a Bitrix24 event' });
		const { event, applicationToken: token } = envelope.value;
		if (event === PROOF_EVENT) {
			// Accepted: n8n answers once it has saved the learned token with the static data, so
			// an event sent right after the answer finds it.
			return (await acceptProofEvent(this, envelope.value))
				? { webhookResponse: { received: true } }
				: answer(401, { error: 'Unknown application token' });
		}
		if (!token || !(await isTrusted(this, token))) {
			return answer(401, { error: 'Unknown application token' });
		}
		const selected = selectedEvents(this);
		if (!selected.includes(event) && !selected.includes(event.replace(/_\d+$/, ''))) {
			return answer(200, { ignored: true });
		}
		const body = envelope.value.body();
		if (!body.ok) return answer(400, { error: `Not a Bitrix24 event: ${body.reason}` });
		// Bitrix24 lowers the priority of slow handlers: answer first, then read the record.
		res.status(200).json({ received: true });

		const data = isObject(body.value.data) ? body.value.data : {};
		const ids = subjectIds(data);
		const definition = eventDefinition(event);
		const json: IDataObject = {
			event,
			...ids,
			data,
			handlerId: numberOrText(body.value.event_handler_id),
			timestamp: timestampOf(body.value.ts),
			portal: isObject(body.value.auth) ? portalOf(body.value.auth) : {},
		};
		if (definition && !definition.deleted && this.getNodeParameter('fetchRecord', true)) {
			try {
				json.record = (await fetchRecord(await bitrix24Client(this), definition.subject, ids)) ?? null;
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

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

function numberOrText(value: unknown) {
	return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string);
}

function timestampOf(ts: unknown): string | undefined {
	const seconds = Number(ts);
	return Number.isFinite(seconds) && seconds > 0
		? new Date(seconds * 1000).toISOString()
		: undefined;
}
