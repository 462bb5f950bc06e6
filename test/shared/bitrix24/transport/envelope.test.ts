import { asMap, parseAnswer } from '../../../../nodes/shared/bitrix24/transport/envelope';

describe('parseAnswer', () => {
	it('returns the envelope of a successful answer', () => {
		const parsed = parseAnswer('crm.lead.list', 200, {
			result: [{ ID: '1' }],
			next: 50,
			total: 51,
		});
		expect(parsed).toEqual({ ok: true, envelope: { result: [{ ID: '1' }], next: 50, total: 51 } });
	});

	it('treats an error key as failure even with HTTP 200', () => {
		const parsed = parseAnswer('oauth', 200, {
			error: 'wrong_client',
			error_description: 'Wrong client',
		});
		expect(parsed).toEqual({
			ok: false,
			failure: { method: 'oauth', status: 200, code: 'wrong_client', description: 'Wrong client' },
		});
	});

	it('keeps legacy empty error codes with their description', () => {
		const parsed = parseAnswer('crm.lead.get', 400, { error: '', error_description: 'Not found' });
		expect(parsed.ok).toBe(false);
		if (!parsed.ok)
			expect(parsed.failure).toMatchObject({ code: '', description: 'Not found', status: 400 });
	});

	it('parses JSON text and reports non-JSON answers clearly', () => {
		expect(parseAnswer('m', 200, '{"result":true}')).toEqual({
			ok: true,
			envelope: { result: true },
		});
		const parsed = parseAnswer('m', 502, '<html>Bad gateway</html>');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.failure).toMatchObject({ code: 'HTTP_502', status: 502 });
	});
});

describe('asMap', () => {
	it('reads PHP empty arrays and gap-free arrays as maps', () => {
		expect(asMap([])).toEqual({});
		expect(asMap(['a', 'b'])).toEqual({ 0: 'a', 1: 'b' });
		expect(asMap({ x: 1 })).toEqual({ x: 1 });
		expect(asMap(null)).toEqual({});
	});
});
