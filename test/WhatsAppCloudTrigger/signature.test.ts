import { createHmac } from 'crypto';

import { sameSecret, verifySignature } from '../../nodes/WhatsAppCloudTrigger/signature';

const SECRET = 'app-secret-1';
const sign = (body: string | Buffer, secret = SECRET) =>
	`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Meta's way of writing JSON: non-ASCII as \uXXXX, "/" as "\/". */
const metaJson = (value: unknown) =>
	JSON.stringify(value)
		.replace(/\//g, '\\/')
		.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('X-Hub-Signature-256', () => {
	const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

	test('a body signed with the app secret passes; upper-case hex too', () => {
		expect(verifySignature(body, sign(body), SECRET)).toEqual({ ok: true });
		expect(
			verifySignature(body, sign(body).toUpperCase().replace('SHA256', 'sha256'), SECRET),
		).toEqual({ ok: true });
	});

	test('another app secret fails', () => {
		expect(verifySignature(body, sign(body, 'other-secret'), SECRET)).toEqual({
			ok: false,
			reason: 'the signature does not match the body (another app secret, or a changed body)',
		});
	});

	test('missing, empty, malformed or truncated headers fail', () => {
		for (const header of [
			undefined,
			'',
			'sha1=abc',
			sign(body).slice(0, 40),
			`${sign(body)}, ${sign(body)}`,
			['x'],
		]) {
			expect(verifySignature(body, header, SECRET).ok).toBe(false);
		}
	});

	test('unicode: the escaped body Meta signs passes; the same JSON re-serialized does not', () => {
		const payload = { text: 'Grüße, Zoë 👋 / ok', name: 'Łukasz' };
		const asMetaSendsIt = Buffer.from(metaJson(payload));
		const header = sign(asMetaSendsIt);
		expect(asMetaSendsIt.toString()).toContain('Gr\\u00fc\\u00dfe');
		expect(verifySignature(asMetaSendsIt, header, SECRET)).toEqual({ ok: true });
		const reserialized = Buffer.from(JSON.stringify(JSON.parse(asMetaSendsIt.toString())));
		expect(reserialized.toString()).toContain('Grüße');
		expect(verifySignature(reserialized, header, SECRET).ok).toBe(false);
	});

	test('one changed byte fails', () => {
		const changed = Buffer.from(body);
		changed[10] ^= 1;
		expect(verifySignature(changed, sign(body), SECRET).ok).toBe(false);
	});
});

test('verify tokens are compared whole', () => {
	expect(sameSecret('token', 'token')).toBe(true);
	expect(sameSecret('token ', 'token')).toBe(false);
	expect(sameSecret('tok', 'token')).toBe(false);
	expect(sameSecret('', '')).toBe(false);
});
