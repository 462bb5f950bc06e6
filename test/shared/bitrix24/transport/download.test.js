const http = require('node:http');

const { runWorkflow } = require('../../../helpers/workflow-runner');
const { Bitrix24WebhookApi } = require('../../../helpers/bitrix24');
const { MAX_DOWNLOAD_BYTES } = require('../../../../nodes/shared/bitrix24/transport/download');
const { bitrix24Client } = require('../../../../nodes/shared/bitrix24/client');

/** A node that downloads the address in its `url` parameter, as the Disk File node does. */
class DownloadNode {
	description = {
		displayName: 'Download',
		name: 'download',
		group: ['transform'],
		version: 1,
		inputs: ['main'],
		outputs: ['main'],
		defaults: { name: 'Download' },
		credentials: [{ name: 'bitrix24WebhookApi', required: true }],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Max Bytes', name: 'maxBytes', type: 'number', default: 0 },
		],
	};

	async execute() {
		const url = this.getNodeParameter('url', 0);
		const maxBytes = this.getNodeParameter('maxBytes', 0) || undefined;
		const client = await bitrix24Client(this, ['bitrix24WebhookApi']);
		const { data, mimeType } = await client.download(url, {
			itemIndex: 0,
			what: 'the report',
			maxBytes,
		});
		return [[{ json: { text: data.toString(), size: data.length, mimeType } }]];
	}
}

/** An HTTP server on 127.0.0.1 that answers with `routes[path](request, response)` and logs every request. */
async function server(routes) {
	const log = [];
	const srv = http.createServer((request, response) => {
		log.push({ url: request.url, authorization: request.headers.authorization });
		const route = routes[request.url.split('?')[0]];
		if (route) return route(request, response);
		response.writeHead(404, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify({ error: 'ERROR_NOT_FOUND', error_description: 'File not found' }));
	});
	await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
	const { port } = srv.address();
	return {
		log,
		port,
		url: `http://127.0.0.1:${port}`,
		stop: () => new Promise((r) => srv.close(r)),
	};
}

const redirect = (location) => (_request, response) => {
	response.writeHead(302, { Location: location });
	response.end();
};

describe('downloadFile', () => {
	let portal;
	let elsewhere;
	beforeEach(async () => {
		elsewhere = await server({
			'/steal': (_request, response) => response.end('stolen'),
		});
		portal = await server({
			'/file': (_request, response) => {
				response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '5' });
				response.end('hello');
			},
			'/moved': redirect('/file'),
			// `localhost` is another host than `127.0.0.1`, though the same machine.
			'/away': redirect(`http://localhost:${elsewhere.port}/steal`),
			'/loop': redirect('/loop'),
			'/big': (_request, response) => {
				response.writeHead(200, { 'Content-Length': '2000' });
				response.end(Buffer.alloc(2000, 1));
			},
			'/chunked': (_request, response) => {
				response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
				for (let i = 0; i < 20; i++) response.write(Buffer.alloc(100, 2));
				response.end();
			},
		});
	});
	afterEach(async () => {
		await portal.stop();
		await elsewhere.stop();
	});

	async function download(url, maxBytes = 0) {
		const result = await runWorkflow({
			nodeTypes: { 'test.download': DownloadNode },
			credentialTypes: [Bitrix24WebhookApi],
			credentials: {
				bitrix24WebhookApi: {
					id: '1',
					name: 'Webhook',
					data: { secretWebhookUrl: `${portal.url}/rest/1/w3bh00kc0de/` },
				},
			},
			workflow: {
				nodes: [
					{
						id: 's',
						name: 'Start',
						type: 'test.items',
						typeVersion: 1,
						position: [0, 0],
						parameters: { items: [{}] },
					},
					{
						id: 'd',
						name: 'Download',
						type: 'test.download',
						typeVersion: 1,
						position: [200, 0],
						parameters: { url, maxBytes },
						credentials: { bitrix24WebhookApi: { id: '1', name: 'Webhook' } },
					},
				],
				connections: { Start: { main: [[{ node: 'Download', type: 'main', index: 0 }]] } },
			},
		});
		return { json: result.jsonOf('Download')?.[0], error: result.errorOf('Download') };
	}

	it('reads a file on the portal, also behind a redirect on the portal or given as a path', async () => {
		expect((await download(`${portal.url}/file?token=t`)).json).toEqual({
			text: 'hello',
			size: 5,
			mimeType: 'text/plain',
		});
		expect((await download(`${portal.url}/moved`)).json.text).toBe('hello');
		expect((await download('/file')).json.text).toBe('hello');
		expect(portal.log.map((entry) => entry.url)).toEqual([
			'/file?token=t',
			'/moved',
			'/file',
			'/file',
		]);
	});

	it('refuses an address on another host, sending nothing there', async () => {
		const { error } = await download(`http://localhost:${elsewhere.port}/steal?auth=t0k3n`);
		expect(error.message).toBe(
			`Could not download the report: its address is on localhost:${elsewhere.port}, not on the portal 127.0.0.1:${portal.port}`,
		);
		expect(error.description).toMatch(/only from the portal itself/);
		expect(JSON.stringify(error)).not.toContain('t0k3n');
		expect(elsewhere.log).toHaveLength(0);
		expect(portal.log).toHaveLength(0);
	});

	it('refuses an internal address before any request', async () => {
		const { error } = await download('http://169.254.169.254/latest/meta-data/');
		expect(error.message).toMatch(/its address is on 169\.254\.169\.254, not on the portal/);
	});

	it('does not follow a redirect to another host', async () => {
		const { error } = await download(`${portal.url}/away`);
		expect(error.message).toMatch(`its address is on localhost:${elsewhere.port}`);
		expect(portal.log.map((entry) => entry.url)).toEqual(['/away']);
		expect(elsewhere.log).toHaveLength(0);
	});

	it('gives up on endless redirects', async () => {
		const { error } = await download(`${portal.url}/loop`);
		expect(error.message).toBe(
			'Could not download the report: the portal redirected too many times',
		);
		expect(portal.log).toHaveLength(6);
	});

	it('refuses a file above the size limit, by its Content-Length or as it arrives', async () => {
		const declared = await download(`${portal.url}/big`, 1000);
		expect(declared.error.message).toBe(
			'Could not download the report: it is larger than 1000 bytes, the most the node downloads',
		);
		const streamed = await download(`${portal.url}/chunked`, 1000);
		expect(streamed.error.message).toBe(declared.error.message);
		expect((await download(`${portal.url}/chunked`, 2000)).json.size).toBe(2000);
	});

	it('limits files to 256 MB unless told otherwise', () => {
		expect(MAX_DOWNLOAD_BYTES).toBe(256 * 1024 * 1024);
	});
});
