const { startPortal, runBitrix24, restRequests } = require('../../../helpers/bitrix24');

describe('Message → Notify User, Send to Chat', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('notifies several users in one batch request, with a tag', async () => {
		const { output, error } = await runBitrix24(portal, {
			items: [{ user: 1 }, { user: 2 }],
			parameters: {
				resource: 'message',
				operation: 'notify',
				userId: '={{ $json.user }}',
				message: 'Deal [b]won[/b]!',
				kind: 'system',
				tag: 'deal-won',
			},
		});
		expect(error).toBeUndefined();
		expect(restRequests(portal)).toBe(1);
		expect(output.every((item) => item.json.sent && item.json.id > 0)).toBe(true);
		expect(portal.notifications().map((n) => [String(n.USER_ID), n.MESSAGE])).toEqual([
			['1', 'Deal [b]won[/b]!'],
			['2', 'Deal [b]won[/b]!'],
		]);
	});

	it('posts to a chat and to a user, and explains an empty message', async () => {
		const { output } = await runBitrix24(portal, {
			items: [
				{ to: 'chat7', text: 'Daily digest' },
				{ to: '2', text: 'Hi Sam' },
				{ to: 'chat7', text: '' },
			],
			parameters: {
				resource: 'message',
				operation: 'send',
				dialogId: '={{ $json.to }}',
				message: '={{ $json.text }}',
			},
			continueOnFail: true,
		});
		expect(output[0].json).toEqual({ id: expect.any(Number), dialogId: 'chat7' });
		expect(output[1].json.dialogId).toBe('2');
		expect(output[2].json.error).toMatch(/^Bitrix24 im\.message\.add: /);
		expect(portal.messages().map((m) => m.MESSAGE)).toEqual(['Daily digest', 'Hi Sam']);
	});
});
