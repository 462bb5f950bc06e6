import type { IDataObject } from 'n8n-workflow';

import type { ConversationMessage } from '../../../shared/conversation/message';

/** Options of Send to Operators and Update that shape the message for Bitrix24. */
export interface EntryOptions {
	chatName?: string;
	chatUrl?: string;
	disableCrm?: boolean;
	skipPhoneValidation?: boolean;
}

/** Bitrix24 takes names of at most 25 characters: letters, spaces, hyphens and apostrophes. */
const NAME_LENGTH = 25;

function cleanName(name: string): string {
	return name
		.replace(/[^\p{L}\p{M}\s'’-]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The words of `text` that fit in 25 characters (the first word cut when it alone is longer). */
function fitting(text: string): string {
	if (text.length <= NAME_LENGTH) return text;
	const cut = text.lastIndexOf(' ', NAME_LENGTH);
	return cut > 0 ? text.slice(0, cut) : text.slice(0, NAME_LENGTH);
}

/**
 * A person's name as Bitrix24's `name` and `last_name`: cleaned of what it refuses (digits,
 * emoji), whole when it fits, otherwise the words that fit as the name and the next ones that fit
 * as the last name.
 */
export function bitrix24Name(raw: string | undefined): { name?: string; last_name?: string } {
	const name = cleanName(raw ?? '');
	if (!name) return {};
	const first = fitting(name);
	const rest = fitting(name.slice(first.length).trim());
	return rest ? { name: first, last_name: rest } : { name: first };
}

/**
 * One `MESSAGES` entry of imconnector.send.messages / update.messages: the customer (`user`),
 * the message and the channel's chat. `files` are the URLs Bitrix24 fetches them from.
 */
export function connectorEntry(
	message: ConversationMessage,
	files: Array<{ url: string; name: string }>,
	options: EntryOptions = {},
): IDataObject {
	const { sender } = message;
	const user: IDataObject = { id: sender.id, ...bitrix24Name(sender.name) };
	if (sender.phone) user.phone = sender.phone;
	if (sender.avatarUrl) user.picture = { url: sender.avatarUrl };
	if (options.skipPhoneValidation && sender.phone) user.skip_phone_validate = 'Y';

	const seconds = Math.floor(Date.parse(message.message.timestamp) / 1000);
	const body: IDataObject = { id: message.message.id, date: seconds };
	if (message.message.text) body.text = message.message.text;
	if (files.length) body.files = files;
	if (options.disableCrm) body.disable_crm = 'Y';

	const chat: IDataObject = { id: message.conversation.chatId };
	if (options.chatName) chat.name = options.chatName;
	if (options.chatUrl) chat.url = options.chatUrl;
	return { user, message: body, chat };
}
