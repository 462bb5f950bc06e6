import { readEventEnvelope } from '../../../../nodes/shared/bitrix24/events/envelope';

const reasonOf = (checked: { ok: boolean; reason?: string }) =>
	checked.ok ? 'ok' : checked.reason;

describe('readEventEnvelope', () => {
	it('reads the event and token of a flat form or a nested JSON body without nesting it', () => {
		const form = readEventEnvelope({
			event: 'oncrmleadadd',
			'auth[application_token]': 't1',
			'data[QUERY][proof]': 'p',
			[`data${'[x]'.repeat(100)}`]: 'not read yet',
		});
		expect(form.ok && [form.value.event, form.value.applicationToken]).toEqual([
			'ONCRMLEADADD',
			't1',
		]);
		expect(form.ok && form.value.field(['data', 'QUERY', 'proof'])).toBe('p');
		expect(form.ok && reasonOf(form.value.body())).toBe('the name nests deeper than 64 levels');

		const json = readEventEnvelope({ event: 'ONAPPTEST', auth: { application_token: 't2' } });
		expect(json.ok && [json.value.event, json.value.applicationToken]).toEqual(['ONAPPTEST', 't2']);
	});

	it('refuses bodies that are not Bitrix24 events and reads no inherited keys', () => {
		expect(reasonOf(readEventEnvelope([1]))).toBe('the body is not a form or a JSON object');
		expect(reasonOf(readEventEnvelope({ event: ['ONCRMLEADADD'] }))).toBe(
			'the event name is missing',
		);
		expect(reasonOf(readEventEnvelope({ event: 'DROP TABLE' }))).toBe(
			'the event name is not a Bitrix24 event name',
		);
		expect(
			reasonOf(readEventEnvelope({ event: 'ONX', 'auth[application_token]': ['a', 'b'] })),
		).toBe('the application token is not text');
		const inherited = readEventEnvelope(Object.create({ event: 'ONX' }));
		expect(reasonOf(inherited)).toBe('the event name is missing');
		const longToken = readEventEnvelope({
			event: 'ONX',
			'auth[application_token]': 't'.repeat(257),
		});
		expect(longToken.ok && longToken.value.applicationToken).toBeUndefined();
	});
});
