import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseConversationMessage } from '../../../shared/conversation/message';
import { toItemError } from '../../../shared/n8n/items';
import { itemOperation } from '../../../shared/n8n/resources';
import { whatsappErrorCode, type GraphClient } from '../../../shared/whatsapp/transport';
import { readRecipient, sentOutput } from '../common';
import { bbCodeToWhatsApp, conversationCallbackData } from './conversation';
import { mediaObject, mediaTypeFor, uploadBinary, type MediaType } from './media';
import { readTemplate, templateLocator } from './templateMessage';

const OUTSIDE_WINDOW = 131047;

export const { description, execute } = itemOperation<GraphClient>({
	resource: 'message',
	operation: 'sendConversation',
	properties: [
		{
			displayName:
				"Takes the input item as a conversation message, as the Bitrix24 Open Lines Trigger outputs an operator's reply: its text and files go to the customer's WhatsApp number (the message's recipient, else its chat). Echoes are skipped.",
			name: 'conversationNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Outside the 24-Hour Window',
			name: 'outsideWindow',
			type: 'options',
			options: [
				{
					name: 'Fail',
					value: 'fail',
					description: 'The item fails with WhatsApp error 131047; nothing is sent',
				},
				{
					name: 'Send a Template Instead',
					value: 'template',
					description:
						'When Meta refuses the message because the customer last wrote more than 24 hours ago, send the chosen template',
				},
			],
			default: 'fail',
		},
		{
			...templateLocator('fallbackTemplate', 'Fallback Template'),
			displayOptions: { show: { outsideWindow: ['template'] } },
		},
		{
			displayName: 'Fallback Template Body Parameters',
			name: 'fallbackParameters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add parameter',
			default: {},
			displayOptions: { show: { outsideWindow: ['template'] } },
			description:
				"Text for the template's body placeholders, in order; e.g. {{ $JSON.message.text }} for the operator's answer",
			options: [
				{
					displayName: 'Parameter',
					name: 'parameter',
					values: [{ displayName: 'Text', name: 'text', type: 'string', default: '' }],
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Convert BB-Code',
					name: 'convertBbCode',
					type: 'boolean',
					default: true,
					description:
						"Whether to turn Bitrix24's [b], [i], [s], [br], [URL] into WhatsApp's formatting",
				},
				{
					displayName: 'Add Open Lines IDs as Callback Data',
					name: 'callbackData',
					type: 'boolean',
					default: true,
					description:
						'Whether the status webhooks of the sent messages carry the Open Lines line, chat, session and message ID, so the trigger can report delivered/read to Open Lines',
				},
				{
					displayName: 'Default Country Code',
					name: 'defaultCountryCode',
					type: 'string',
					default: '',
					placeholder: '49',
					description: 'Calling code for chat IDs written as national numbers',
				},
			],
		},
	],
	async run(ctx, client, itemIndex, item) {
		const parsed = parseConversationMessage(item.json);
		if (!parsed.ok) {
			throw new NodeOperationError(ctx.getNode(), 'The input item is not a conversation message', {
				itemIndex,
				description: parsed.problems.join('; '),
			});
		}
		const message = parsed.message;
		const base: IDataObject = {
			conversation: message.conversation as IDataObject,
			sourceMessageId: message.message.id,
		};
		if (message.echo) return { json: { ...base, sent: false, skipped: 'echo' } };
		if (message.direction !== 'outbound') {
			throw new NodeOperationError(
				ctx.getNode(),
				"This conversation message is the customer's (direction inbound); only outbound messages are sent",
				{
					itemIndex,
					description: 'Send operator replies, e.g. from the Bitrix24 Open Lines Trigger.',
				},
			);
		}
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		// The customer as their own messages named them; else the chat, which for WhatsApp is their number.
		const address =
			message.recipient?.phone ??
			(message.recipient?.id && /^\+?\d{7,15}$/.test(message.recipient.id)
				? message.recipient.id
				: message.conversation.chatId);
		const to = readRecipient(ctx, itemIndex, address, options.defaultCountryCode as string | undefined);
		const common: IDataObject = { recipient_type: 'individual', to };
		if (options.callbackData !== false)
			common.biz_opaque_callback_data = conversationCallbackData(message);

		// Files first go up to Meta: an upload that fails leaves nothing sent.
		const files: Array<{ type: MediaType; media: IDataObject }> = [];
		for (const attachment of message.message.attachments) {
			const property = attachment.binaryProperty ?? '';
			const binary = item.binary?.[property];
			if (binary) {
				const uploaded = await uploadBinary(ctx, client, itemIndex, property);
				files.push({
					type: uploaded.type,
					media: mediaObject({ id: uploaded.id }, uploaded.type, {
						fileName: attachment.fileName ?? uploaded.fileName,
					}),
				});
			} else if (attachment.url) {
				const type = mediaTypeFor(attachment.mimeType);
				files.push({
					type,
					media: mediaObject({ link: attachment.url }, type, { fileName: attachment.fileName }),
				});
			} else {
				throw new NodeOperationError(
					ctx.getNode(),
					`The attachment "${attachment.fileName ?? property}" is neither in the item's binary data nor at a URL`,
					{
						itemIndex,
						description: `Download it into the binary property "${property}" first (e.g. with the Open Lines Trigger's download option).`,
					},
				);
			}
		}
		const bodies: IDataObject[] = [];
		const text = message.message.text
			? options.convertBbCode === false
				? message.message.text
				: bbCodeToWhatsApp(message.message.text)
			: '';
		if (text)
			bodies.push({ type: 'text', text: { body: text.slice(0, 4096), preview_url: false } });
		for (const file of files) bodies.push({ type: file.type, [file.type]: file.media });
		const replyTo = message.replyTo?.messageId;
		const withReply =
			replyTo && /^wamid\./.test(replyTo) ? { context: { message_id: replyTo } } : {};

		const sent: IDataObject[] = [];
		for (const [index, body] of bodies.entries()) {
			try {
				const response = await client.sendMessage({
					...common,
					...(index === 0 ? withReply : {}),
					...body,
				});
				sent.push(sentOutput(response, String(body.type)));
			} catch (error) {
				const outside = whatsappErrorCode(error) === OUTSIDE_WINDOW;
				if (
					outside &&
					index === 0 &&
					ctx.getNodeParameter('outsideWindow', itemIndex) === 'template'
				) {
					// Meta refused (nothing went out): the template is the first message sent.
					return { json: await sendFallback(ctx, client, itemIndex, common, base, bodies.length) };
				}
				const failure = toItemError(ctx, error, itemIndex);
				// With Continue On Fail, the error item says what already went out.
				failure.context.output = {
					...base,
					sentMessageIds: sent.map((entry) => entry.messageId as string),
				};
				throw failure;
			}
		}
		const output: INodeExecutionData = {
			json: {
				...base,
				sent: true,
				to: sent[0]?.to ?? to,
				waId: sent[0]?.waId ?? to,
				messageIds: sent.map((entry) => entry.messageId),
				messages: sent,
			},
		};
		return output;
	},
});

async function sendFallback(
	ctx: IExecuteFunctions,
	client: GraphClient,
	itemIndex: number,
	common: IDataObject,
	base: IDataObject,
	notSent: number,
): Promise<IDataObject> {
	const { name, language } = readTemplate(ctx, itemIndex, 'fallbackTemplate');
	const parameters = (
		((ctx.getNodeParameter('fallbackParameters', itemIndex, {}) as IDataObject).parameter ??
			[]) as IDataObject[]
	).map((entry) => ({ type: 'text', text: String(entry.text ?? '') }));
	const response = await client.sendMessage({
		...common,
		type: 'template',
		template: {
			name,
			language: { code: language },
			...(parameters.length ? { components: [{ type: 'body', parameters }] } : {}),
		},
	});
	const sent = sentOutput(response, 'template');
	return {
		...base,
		sent: true,
		to: sent.to,
		waId: sent.waId,
		messageIds: [sent.messageId],
		messages: [sent],
		fallbackTemplate: {
			name,
			language,
			reason: 'outside the 24-hour window (131047)',
			messagesNotSent: notSent,
		},
	};
}
