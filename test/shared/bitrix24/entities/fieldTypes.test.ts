import {
	asBoolean,
	asNumber,
	typedFields,
	typedValue,
} from '../../../../nodes/shared/bitrix24/entities/fieldTypes';

describe('field types', () => {
	it('reads numbers, keeping empty values null and text that is no number as it is', () => {
		expect(['12', '1000.00', '0', 7, '', null, undefined, 'n/a'].map(asNumber)).toEqual([
			12,
			1000,
			0,
			7,
			null,
			null,
			null,
			'n/a',
		]);
	});

	it("reads Bitrix24's flags as booleans", () => {
		expect(['Y', 'N', '1', '0', true, false, 'true', '', null].map(asBoolean)).toEqual([
			true,
			false,
			true,
			false,
			true,
			false,
			true,
			null,
			null,
		]);
	});

	it('types values by field type, lists element by element, dates as they come', () => {
		expect(typedValue('crm_contact', ['3', '4'])).toEqual([3, 4]);
		expect(typedValue('user', '1')).toBe(1);
		expect(typedValue('char', 'Y')).toBe(true);
		expect(typedValue('datetime', '2026-05-01T10:00:00+03:00')).toBe('2026-05-01T10:00:00+03:00');
		expect(typedValue('date', '')).toBeNull();
		expect(typedValue('crm_status', 'NEW')).toBe('NEW');
		expect(typedValue('string', '42')).toBe('42');
	});

	it('keeps the named fields in their order, leaving out those the record lacks', () => {
		const record = { TITLE: 'A', ID: '5', CLOSED: 'N', OTHER: 'x' };
		const typed = typedFields(
			{ ID: 'integer', TITLE: 'string', CLOSED: 'char', GONE: 'date' },
			record,
		);
		expect(typed).toEqual({ ID: 5, TITLE: 'A', CLOSED: false });
		expect(Object.keys(typed)).toEqual(['ID', 'TITLE', 'CLOSED']);
	});
});
