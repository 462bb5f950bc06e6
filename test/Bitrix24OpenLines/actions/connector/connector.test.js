// Connector: register with a checked SVG icon (and clear errors for anything else), activate and
// deactivate on lines, status, line widget data, list, unregister.
const { startPortal } = require('../../../helpers/bitrix24');
const { runOpenLines, openLinesParameters, SVG } = require('../../../helpers/openLines');

const connector = (operation, extra) =>
	openLinesParameters('connector', operation, { connector: 'acme_chat', ...extra });

const register = (extra) =>
	connector('register', {
		connectorName: 'Acme chat',
		icon: SVG,
		placementHandler: 'https://n8n.example.com/settings',
		...extra,
	});

describe('Open Lines → Connector', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('registers with an SVG icon and the chosen behaviour, and lists it', async () => {
		const { output, error } = await runOpenLines(portal, {
			parameters: register({
				icon: '<svg viewBox="0 0 24 24"><circle r="10"/></svg>',
				options: { iconColor: '#ff0000', NEED_SIGNATURE: false, CHAT_GROUP: true },
			}),
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ connector: 'acme_chat', registered: true });
		const [stored] = portal.openLines.connectors();
		expect(stored).toMatchObject({
			ID: 'acme_chat',
			NAME: 'Acme chat',
			PLACEMENT_HANDLER: 'https://n8n.example.com/settings',
			ICON: {
				DATA_IMAGE: `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle r="10"/></svg>')}`,
				COLOR: '#ff0000',
			},
		});
		expect(stored.flags).toMatchObject({
			NEED_SIGNATURE: false,
			CHAT_GROUP: true,
			NEWSLETTER: true,
		});

		const list = await runOpenLines(portal, { parameters: connector('getAll') });
		expect(list.output.map((item) => item.json)).toEqual([
			{ id: 'livechat', name: 'Live Chat' },
			{ id: 'telegrambot', name: 'Telegram' },
			{ id: 'network', name: 'Bitrix24.Network' },
			{ id: 'acme_chat', name: 'Acme chat' },
		]);
	});

	it('takes the icon from an .svg file, and refuses a PNG or text with a clear error before any request', async () => {
		const fromFile = await runOpenLines(portal, {
			binaries: [
				{ logo: { data: Buffer.from(SVG), fileName: 'logo.svg', mimeType: 'image/svg+xml' } },
			],
			parameters: register({ iconSource: 'binary', iconBinaryProperty: 'logo' }),
		});
		expect(fromFile.error).toBeUndefined();
		portal.clearLog();

		const png = await runOpenLines(portal, {
			binaries: [
				{
					logo: {
						data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
						fileName: 'logo.png',
					},
				},
			],
			parameters: register({ iconSource: 'binary', iconBinaryProperty: 'logo' }),
		});
		expect(png.error.message).toBe(
			'The connector icon is not a usable SVG: it is a PNG image, and Bitrix24 takes connector icons only as SVG',
		);
		expect(png.error.description).toContain('ICON.DATA_IMAGE must be data:image/svg+xml');
		const text = await runOpenLines(portal, {
			parameters: register({ icon: 'my logo' }),
			continueOnFail: true,
		});
		expect(text.output[0].json.error).toBe(
			'The connector icon is not a usable SVG: it does not start with an <svg> element',
		);
		const dotted = await runOpenLines(portal, {
			parameters: register({ connector: 'acme.chat' }),
			continueOnFail: true,
		});
		expect(dotted.output[0].json.error).toBe(
			'Connector ID: "acme.chat" has a dot, which Bitrix24 refuses',
		);
		expect(portal.log).toEqual([]);
	});

	it("names Bitrix24's refusal of a registration (HTTP 200, result false)", async () => {
		const { error } = await runOpenLines(portal, {
			parameters: register({ connector: 'livechat' }),
		});
		expect(error.message).toBe(
			'Bitrix24 did not register the connector "livechat": Application registration error (APPLICATION_REGISTRATION_ERROR)',
		);
	});

	it('activates on a line, tells the status, sets the widget data, deactivates, unregisters', async () => {
		await runOpenLines(portal, { parameters: register() });
		const run = async (operation, extra) =>
			(await runOpenLines(portal, { parameters: connector(operation, extra) })).output[0].json;
		expect(await run('getStatus')).toEqual({
			connector: 'acme_chat',
			line: 1,
			active: false,
			configured: false,
			error: false,
		});
		expect(await run('activate')).toEqual({ connector: 'acme_chat', line: 1, active: true });
		expect(await run('getStatus')).toMatchObject({ active: true, configured: true });
		expect(
			await run('setLineData', {
				channelId: 'acme_line1',
				url: 'https://acme.example.com/chat',
				channelName: 'Acme',
			}),
		).toEqual({
			connector: 'acme_chat',
			line: 1,
			ID: 'acme_line1',
			URL: 'https://acme.example.com/chat',
			URL_IM: 'https://acme.example.com/chat',
			NAME: 'Acme',
			updated: true,
		});
		expect(portal.openLines.connectors()[0].lineData['1']).toEqual({
			ID: 'acme_line1',
			URL: 'https://acme.example.com/chat',
			URL_IM: 'https://acme.example.com/chat',
			NAME: 'Acme',
		});
		expect(await run('deactivate')).toEqual({ connector: 'acme_chat', line: 1, active: false });
		expect(portal.openLines.connectors()[0].activeLines).toEqual([]);
		expect(await run('unregister')).toEqual({ connector: 'acme_chat', unregistered: true });
		const again = await runOpenLines(portal, {
			parameters: connector('unregister'),
			continueOnFail: true,
		});
		expect(again.output[0].json.error).toBe(
			'Bitrix24 did not unregister the connector "acme_chat": Error unregistering the application',
		);
	});
});
