import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE, readSettings } from '../shared/whatsapp/settings';
import { graphClient, whatsAppCloudApiTest, type GraphClient } from '../shared/whatsapp/transport';
import { route, type EventKind, type MessageItem } from './events';
import { MAX_BODY_BYTES, parseEnvelope } from './payload';
import { triggerProperties } from './properties';
import { isRegistered, register, unregister } from './setup';
import { sameSecret, verifySignature } from './signature';

export class WhatsAppCloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Cloud Trigger',
		name: 'whatsAppCloudTrigger',
		icon: { light: 'file:../../icons/whatsapp.svg', dark: 'file:../../icons/whatsapp.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description:
			"Starts the workflow on WhatsApp Cloud API webhooks: customer messages as conversation messages, statuses, other fields; every request's signature checked",
		defaults: { name: 'WhatsApp Cloud Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Messages', 'Statuses', 'Other'],
		credentials: [{ name: 'whatsAppCloudApi', required: true, testedBy: 'whatsAppCloudApiTest' }],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode:
					'={{ $parameter["respond"] === "afterWorkflow" ? "lastNode" : "onReceived" }}',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	methods = { credentialTest: { whatsAppCloudApiTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await isRegistered(this, this.getNodeWebhookUrl('default') as string);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await register(this, this.getNodeWebhookUrl('default') as string);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				await unregister(this, this.getNodeWebhookUrl('default') as string);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const refuse = (status: number, reason: string): IWebhookResponseData => {
			this.logger?.warn(`WhatsApp Cloud Trigger: refused a request (${status}): ${reason}`);
			res.status(status).json({ error: reason });
			return { noWebhookResponse: true };
		};
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);

		if (this.getWebhookName() === 'setup') {
			// Meta's verification: hub.mode=subscribe, our verify token, a challenge to echo.
			const query = this.getQueryData() as IDataObject;
			const verifyToken =
				typeof credentials.verifyToken === 'string' ? credentials.verifyToken.trim() : '';
			const challenge = String(query['hub.challenge'] ?? '');
			if (query['hub.mode'] !== 'subscribe' || !/^[\w-]{1,256}$/.test(challenge)) {
				return refuse(
					400,
					'not a Meta verification request (hub.mode=subscribe and hub.challenge expected)',
				);
			}
			if (!verifyToken || !sameSecret(String(query['hub.verify_token'] ?? ''), verifyToken)) {
				return refuse(403, 'the verify token does not match the credential');
			}
			res.status(200).send(challenge);
			return { noWebhookResponse: true };
		}

		const appSecret = typeof credentials.appSecret === 'string' ? credentials.appSecret.trim() : '';
		if (!appSecret) return refuse(500, 'the credential has no App Secret to check signatures with');
		const raw = (req as { rawBody?: unknown }).rawBody;
		if (!Buffer.isBuffer(raw) || raw.length === 0) return refuse(400, 'the request has no body');
		if (raw.length > MAX_BODY_BYTES) return refuse(413, 'the body is larger than 8 MB');
		const signed = verifySignature(raw, req.headers['x-hub-signature-256'], appSecret);
		if (!signed.ok) return refuse(401, signed.reason);
		const parsed = parseEnvelope(raw);
		if (!parsed.ok) return refuse(parsed.status, parsed.reason);

		const settings = readSettings(credentials);
		const own = settings.ok ? settings.settings.phoneNumberId : '';
		const phoneMode = this.getNodeParameter('phoneNumbers', 'credential') as string;
		const listed = String(this.getNodeParameter('phoneNumberIds', '') ?? '')
			.split(/[\s,;]+/)
			.filter(Boolean);
		const routed = route(parsed.envelope, {
			events: this.getNodeParameter('events', []) as EventKind[],
			statuses: this.getNodeParameter('statuses', []) as string[],
			acceptsPhone: (id) =>
				phoneMode === 'all'
					? true
					: phoneMode === 'list'
						? listed.includes(String(id))
						: id === own,
		});
		const afterWorkflow = this.getNodeParameter('respond', 'onReceived') === 'afterWorkflow';
		const nothing = !routed.messages.length && !routed.statuses.length && !routed.other.length;
		// Meta wants its 200 quickly; media is downloaded after. Or n8n answers once the run ends.
		if (!afterWorkflow || nothing) res.status(200).json({ received: true });
		if (nothing) return { noWebhookResponse: true };
		const messages = await withMedia(this, routed.messages);
		return {
			noWebhookResponse: !afterWorkflow,
			workflowData: [
				messages,
				routed.statuses.map((json) => ({ json })),
				routed.other.map((json) => ({ json })),
			],
		};
	}
}

/** Downloads the files of customer messages when asked; a failed download is noted, not fatal. */
async function withMedia(
	ctx: IWebhookFunctions,
	items: MessageItem[],
): Promise<INodeExecutionData[]> {
	const download = ctx.getNodeParameter('downloadMedia', false) as boolean;
	let client: GraphClient | undefined;
	const out: INodeExecutionData[] = [];
	for (const item of items) {
		const json = item.json;
		const message = json.message as IDataObject;
		const details = json.whatsapp as IDataObject;
		if (!item.media) {
			out.push({ json });
			continue;
		}
		if (download) {
			try {
				client ??= await graphClient(ctx);
				const media = await client.downloadMedia(item.media.id);
				const binary = await ctx.helpers.prepareBinaryData(
					media.data,
					item.media.fileName ?? item.media.id,
					media.mimeType,
				);
				if (!item.media.fileName && binary.fileExtension) {
					binary.fileName = `${item.media.id}.${binary.fileExtension}`;
				}
				message.attachments = [
					{ binaryProperty: 'data', fileName: binary.fileName, mimeType: media.mimeType },
				];
				out.push({ json, binary: { data: binary } });
				continue;
			} catch (error) {
				details.mediaError = (error as Error).message;
			}
		}
		if (!message.text) message.text = `[${String(details.type)}]`;
		out.push({ json });
	}
	return out;
}
