import { parseWebhookUrl } from '../../../nodes/shared/bitrix24/webhookUrl';

describe('parseWebhookUrl', () => {
	it('accepts cloud and on-premise webhook URLs', () => {
		expect(parseWebhookUrl('https://acme.bitrix24.com/rest/1/abc123xyz/')).toEqual({
			origin: 'https://acme.bitrix24.com',
			base: 'https://acme.bitrix24.com/rest/1/abc123xyz/',
			userId: '1',
		});
		expect(parseWebhookUrl('http://crm.example.org:8080/rest/12/k3y')?.base).toBe(
			'http://crm.example.org:8080/rest/12/k3y/',
		);
	});

	it('drops the example method Bitrix24 shows next to the URL', () => {
		expect(parseWebhookUrl(' https://acme.bitrix24.com/rest/1/abc123xyz/profile.json ')?.base).toBe(
			'https://acme.bitrix24.com/rest/1/abc123xyz/',
		);
	});

	it.each([
		'',
		'acme.bitrix24.com',
		'https://acme.bitrix24.com/',
		'https://acme.bitrix24.com/rest/abc/def/',
		42,
	])('rejects %p', (value) => {
		expect(parseWebhookUrl(value)).toBeUndefined();
	});
});
