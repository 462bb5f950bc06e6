import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { Checked } from '../shared/bitrix24/events/formBody';
import { OPEN_LINES_EVENTS } from './events';

/*
 * The `data` of the connector events (PROTOCOL.md §6.4), checked before anything is started: a
 * body that does not have the documented shape is answered 400. Form bodies arrive with every
 * value a string and lists as objects keyed 0, 1, …; JSON bodies with numbers and arrays.
 */

const scalar = z.union([z.string(), z.number()]).transform(String);
const id = scalar.pipe(z.string().regex(/^\d{1,18}$/, 'an ID is a number'));
const name = scalar.pipe(z.string().min(1).max(255));

const isRecord = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** A PHP list: a JSON array, or an object keyed 0..n-1 as a form body nests it. */
function list<T extends z.ZodTypeAny>(item: T) {
	return z.preprocess((value) => {
		if (!isRecord(value)) return value;
		const keys = Object.keys(value);
		const ordered = keys.map(Number).sort((a, b) => a - b);
		return ordered.every((key, index) => key === index && keys.includes(String(key)))
			? ordered.map((key) => value[String(key)])
			: value;
	}, z.array(item).min(1).max(100));
}

const file = z.object({
	name: name.optional(),
	link: z.string().optional(),
	downloadLink: z.string().optional(),
	type: z.string().optional(),
	mime: z.string().optional(),
});

const im = z.object({ chat_id: id, message_id: id });
const channelChat = z.object({ id: name });

const operatorMessage = z.object({
	im,
	message: z
		.object({ user_id: id.optional(), text: scalar.optional(), files: list(file).optional() })
		.refine((message) => Boolean(message.text) || Boolean(message.files?.length), {
			message: 'a message needs text or files',
		}),
	chat: channelChat,
});

const editedMessage = z.object({
	im,
	message: z.object({
		id: z.union([list(scalar), scalar]).optional(),
		text: scalar.optional(),
	}),
	chat: channelChat,
});

const deletedMessage = z.object({
	im,
	message: z.object({ id: z.union([list(scalar), scalar]).optional() }).optional(),
	chat: channelChat,
});

const dialog = z.object({
	connector: z
		.object({ connector_id: scalar, line_id: scalar, chat_id: scalar, user_id: scalar })
		.partial()
		.optional(),
	session: z.object({ id, closed: scalar.optional(), parent_id: scalar.optional() }),
	chat: z.object({ id }),
	user: z.object({ id: scalar }).partial().optional(),
});

const connectorAndLine = { CONNECTOR: name, LINE: id };

const SCHEMAS = {
	[OPEN_LINES_EVENTS.messageAdded]: z.object({
		...connectorAndLine,
		MESSAGES: list(operatorMessage),
	}),
	[OPEN_LINES_EVENTS.messageUpdated]: z.object({
		...connectorAndLine,
		MESSAGES: list(editedMessage),
	}),
	[OPEN_LINES_EVENTS.messageDeleted]: z.object({
		...connectorAndLine,
		MESSAGES: list(deletedMessage),
	}),
	[OPEN_LINES_EVENTS.dialogStarted]: z.object({ ...connectorAndLine, DATA: list(dialog) }),
	[OPEN_LINES_EVENTS.dialogFinished]: z.object({ ...connectorAndLine, DATA: list(dialog) }),
	[OPEN_LINES_EVENTS.connectorRemoved]: z.object({ connector: name, line: id }),
	[OPEN_LINES_EVENTS.lineDeleted]: id,
};

export type OperatorMessageEntry = z.infer<typeof operatorMessage>;
export type EditedMessageEntry = z.infer<typeof editedMessage>;
export type DeletedMessageEntry = z.infer<typeof deletedMessage>;
export type DialogEntry = z.infer<typeof dialog>;

/** An event's `data`, checked and with its connector (lower case, none for a deleted line) and line. */
export type ConnectorEvent =
	| {
			event: typeof OPEN_LINES_EVENTS.messageAdded;
			connector: string;
			line: number;
			messages: OperatorMessageEntry[];
	  }
	| {
			event: typeof OPEN_LINES_EVENTS.messageUpdated;
			connector: string;
			line: number;
			messages: EditedMessageEntry[];
	  }
	| {
			event: typeof OPEN_LINES_EVENTS.messageDeleted;
			connector: string;
			line: number;
			messages: DeletedMessageEntry[];
	  }
	| {
			event: typeof OPEN_LINES_EVENTS.dialogStarted | typeof OPEN_LINES_EVENTS.dialogFinished;
			connector: string;
			line: number;
			dialogs: DialogEntry[];
	  }
	| { event: typeof OPEN_LINES_EVENTS.connectorRemoved; connector: string; line: number }
	| { event: typeof OPEN_LINES_EVENTS.lineDeleted; connector?: undefined; line: number };

export type OpenLinesEvent = keyof typeof SCHEMAS;

export const isOpenLinesEvent = (event: string): event is OpenLinesEvent => event in SCHEMAS;

/** The checked `data` of a connector event, or why it is not one. */
export function readConnectorEvent(event: OpenLinesEvent, data: unknown): Checked<ConnectorEvent> {
	const parsed = SCHEMAS[event].safeParse(data);
	if (!parsed.success) {
		const [issue] = parsed.error.issues;
		return { ok: false, reason: `data.${issue.path.join('.')}: ${issue.message}` };
	}
	const value = parsed.data as IDataObject | string;
	if (typeof value === 'string')
		return { ok: true, value: { event, line: Number(value) } as ConnectorEvent };
	const connector = String(value.CONNECTOR ?? value.connector).toLowerCase();
	const line = Number(value.LINE ?? value.line);
	if (value.MESSAGES)
		return {
			ok: true,
			value: { event, connector, line, messages: value.MESSAGES } as ConnectorEvent,
		};
	if (value.DATA)
		return { ok: true, value: { event, connector, line, dialogs: value.DATA } as ConnectorEvent };
	return { ok: true, value: { event, connector, line } as ConnectorEvent };
}
