import {
	CONVERSATION_SCHEMA_VERSION,
	parseConversationMessage,
} from '../../../nodes/shared/conversation/message';

const valid = {
	schemaVersion: CONVERSATION_SCHEMA_VERSION,
	channel: 'whatsapp',
	direction: 'inbound',
	conversation: { chatId: '4915112345678' },
	sender: { id: '4915112345678', name: 'Ann', phone: '+4915112345678' },
	message: { id: 'wamid.1', text: 'Hello', timestamp: '2026-12-03T10:00:00.000Z' },
	raw: { any: 'thing' },
};

describe('conversation message', () => {
	it('accepts a message, also under conversationMessage, and defaults the attachments', () => {
		const direct = parseConversationMessage(valid);
		expect(direct.ok && direct.message.message.attachments).toEqual([]);
		expect(parseConversationMessage({ conversationMessage: valid }).ok).toBe(true);
	});

	it('takes a file-only message', () => {
		const parsed = parseConversationMessage({
			...valid,
			message: {
				id: 'wamid.2',
				timestamp: '2026-12-03T10:00:00+01:00',
				attachments: [
					{ binaryProperty: 'attachment_0', fileName: 'a.pdf', mimeType: 'application/pdf' },
				],
			},
		});
		expect(parsed.ok).toBe(true);
	});

	it('takes an attachment known only by its URL, and refuses one with neither', () => {
		const withFile = (attachment: object) =>
			parseConversationMessage({
				...valid,
				message: { id: 'm', timestamp: '2026-12-03T10:00:00Z', attachments: [attachment] },
			});
		expect(withFile({ url: 'https://files.example.com/a.pdf', fileName: 'a.pdf' }).ok).toBe(true);
		const neither = withFile({ fileName: 'a.pdf' });
		expect(neither.ok ? [] : neither.problems).toEqual([
			'message.attachments.0: an attachment needs a binary property or a URL',
		]);
	});

	it('carries the recipient of an operator reply, with its phone in E.164', () => {
		const reply = {
			...valid,
			direction: 'outbound',
			sender: { id: '7', name: 'Operator', bitrix24UserId: 7 },
			recipient: { id: '4915112345678', phone: '+4915112345678' },
		};
		const parsed = parseConversationMessage(reply);
		expect(parsed.ok && parsed.message.recipient).toEqual(reply.recipient);
		const national = parseConversationMessage({ ...reply, recipient: { id: 'x', phone: '0151' } });
		expect(national.ok ? [] : national.problems).toEqual([
			'recipient.phone: a phone number in E.164 form, e.g. +4915112345678',
		]);
	});

	it('names every problem of a bad message', () => {
		const parsed = parseConversationMessage({
			...valid,
			schemaVersion: 2,
			direction: 'sideways',
			sender: { id: 'x', phone: '0151 123' },
			message: { id: 'm', timestamp: 'yesterday' },
		});
		expect(parsed.ok).toBe(false);
		const problems = parsed.ok ? [] : parsed.problems;
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^schemaVersion:/),
				expect.stringMatching(/^direction:/),
				expect.stringMatching(/^sender\.phone: a phone number in E\.164 form/),
				expect.stringMatching(/^message\.timestamp:/),
			]),
		);
	});

	it('refuses a message with neither text nor attachment', () => {
		const parsed = parseConversationMessage({
			...valid,
			message: { id: 'm', timestamp: '2026-12-03T10:00:00Z' },
		});
		expect(parsed.ok ? [] : parsed.problems).toEqual([
			'message: a message needs text or an attachment',
		]);
	});
});
