import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { chatIdParameter, chatIdProperty } from '../common.descriptions';

/** One item per message of the session, oldest first, with its author and files. */
function messagesOf(history: IDataObject): IDataObject[] {
	const messages = Object.values((history.message ?? {}) as IDataObject) as IDataObject[];
	const users = (history.users ?? {}) as Record<string, IDataObject>;
	const files = (history.files ?? {}) as Record<string, IDataObject>;
	return messages
		.map((message) => {
			const author = users[String(message.senderid)] ?? {};
			const params = (message.params ?? {}) as IDataObject;
			const fileIds = Array.isArray(params.fileId) ? params.fileId : [];
			return {
				id: Number(message.id),
				openLinesChatId: Number(message.chatid),
				sessionId: Number(history.sessionId),
				date: message.date,
				text: message.text,
				authorId: Number(message.senderid),
				authorName: author.name ?? null,
				fromCustomer: author.connector === true,
				system: Number(message.senderid) === 0,
				files: fileIds.map((id) => files[String(id)] ?? { id }),
			};
		})
		.sort((a, b) => a.id - b.id);
}

export const { description, execute } = simpleOperation({
	resource: 'dialog',
	operation: 'getHistory',
	properties: [
		chatIdProperty,
		{
			displayName: 'Session ID',
			name: 'sessionId',
			type: 'string',
			default: '',
			description: "A past session of the dialog; empty: the dialog's current session",
		},
	],
	call: (ctx, itemIndex) => {
		const session = String(ctx.getNodeParameter('sessionId', itemIndex, '')).trim();
		return {
			method: 'imopenlines.session.history.get',
			params: session
				? { SESSION_ID: Number(session) }
				: { CHAT_ID: chatIdParameter(ctx, itemIndex) },
		};
	},
	output: (result) => messagesOf(result as IDataObject),
});
