import type { IDataObject } from 'n8n-workflow';

import type { ConversationMessage } from '../../../shared/conversation/message';

/*
 * From the shared conversation message to WhatsApp: Bitrix24's BB-code becomes WhatsApp's
 * formatting, and the Open Lines IDs travel in `biz_opaque_callback_data`, which Meta hands back
 * in every status webhook of the message (so a status can be reported to Open Lines without a
 * look-up).
 */

const BB_RULES: Array<[RegExp, string]> = [
	[/\[br\]/gi, '\n'],
	[/\[b\]([\s\S]*?)\[\/b\]/gi, '*$1*'],
	[/\[i\]([\s\S]*?)\[\/i\]/gi, '_$1_'],
	[/\[s\]([\s\S]*?)\[\/s\]/gi, '~$1~'],
	[/\[u\]([\s\S]*?)\[\/u\]/gi, '$1'],
	[/\[code\]([\s\S]*?)\[\/code\]/gi, '```$1```'],
	[/\[url=([^\]]+)\]([\s\S]*?)\[\/url\]/gi, '$2 ($1)'],
	[/\[url\]([\s\S]*?)\[\/url\]/gi, '$1'],
	[/\[quote\]([\s\S]*?)\[\/quote\]/gi, '> $1\n'],
	[
		/\[(?:user|chat|color|size|font|icon|send|put|dialog|context)(?:=[^\]]*)?\]([\s\S]*?)\[\/(?:user|chat|color|size|font|icon|send|put|dialog|context)\]/gi,
		'$1',
	],
];

/** Bitrix24 chat text (BB-code) as WhatsApp text. Unknown tags are kept as written. */
export function bbCodeToWhatsApp(text: string): string {
	let out = text;
	for (const [pattern, replacement] of BB_RULES) out = out.replace(pattern, replacement);
	return out.replace(/\*(\s*)\*/g, '$1').trim();
}

/** Marker of callback data this package wrote. */
export const CALLBACK_SOURCE = 'n8n-conversation';

/**
 * The status webhooks' callback data for a message sent from a conversation message: where it
 * came from in Open Lines (line, connector, chat, session) and which message it was. Fields are
 * dropped from the end until it fits Meta's 512 characters.
 */
export function conversationCallbackData(message: ConversationMessage): string {
	const { conversation } = message;
	const data: IDataObject = {
		src: CALLBACK_SOURCE,
		msg: message.message.id,
		chat: conversation.chatId,
		...(conversation.line !== undefined ? { line: conversation.line } : {}),
		...(conversation.connector ? { connector: conversation.connector } : {}),
		...(conversation.openLinesChatId !== undefined ? { olChat: conversation.openLinesChatId } : {}),
		...(conversation.sessionId !== undefined ? { session: conversation.sessionId } : {}),
	};
	let text = JSON.stringify(data);
	for (const key of ['session', 'olChat', 'connector', 'line', 'chat', 'msg']) {
		if (text.length <= 512) break;
		delete data[key];
		text = JSON.stringify(data);
	}
	return text.slice(0, 512);
}
