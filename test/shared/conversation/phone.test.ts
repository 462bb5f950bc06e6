import {
	comparablePhone,
	phoneSearchValues,
	samePhone,
	toE164,
} from '../../../nodes/shared/conversation/phone';

describe('toE164', () => {
	it.each([
		['+49 151 1234-5678', undefined, '+4915112345678'],
		['0049 151 12345678', undefined, '+4915112345678'],
		['4915112345678', undefined, '+4915112345678'],
		['0151 12345678', '49', '+4915112345678'],
		['0151 12345678', '+49', '+4915112345678'],
		['8 (916) 123-45-67', '7', '+79161234567'],
		['79161234567', '7', '+79161234567'],
		['(202) 555-0123', '1', '+12025550123'],
		['1 202 555 0123', '1', '+12025550123'],
		['+44 20 7946 0000', '49', '+442079460000'],
	])('%s (default country %s) → %s', (raw, country, expected) => {
		expect(toE164(raw, { defaultCountryCode: country })).toBe(expected);
	});

	it.each([
		[''],
		['   '],
		[null],
		[undefined],
		['abc'],
		['+0 123 456'],
		['+1234567890123456'],
		['0151'],
	])('%s is no phone number', (raw) => {
		expect(toE164(raw, { defaultCountryCode: '49' })).toBeUndefined();
	});

	it('needs a default country for a short national number', () => {
		expect(toE164('0151 12345678')).toBeUndefined();
	});

	it('compares numbers written differently', () => {
		expect(samePhone('+49 151 12345678', '0151/12345678', { defaultCountryCode: '49' })).toBe(true);
		expect(samePhone('+49 151 12345678', '+49 151 12345679')).toBe(false);
		expect(samePhone('', '')).toBe(false);
	});

	it('compares in E.164, or by the digits when a number cannot be put in it', () => {
		expect(comparablePhone('0151 12345678', { defaultCountryCode: '49' })).toBe('4915112345678');
		expect(comparablePhone('0049 151 12345678')).toBe('4915112345678');
		expect(comparablePhone('555-0101')).toBe('5550101');
		expect(comparablePhone(undefined)).toBe('');
	});

	it('looks a number up in E.164 and as written, each form once', () => {
		expect(phoneSearchValues(' 0151 12345678 ', { defaultCountryCode: '49' })).toEqual([
			'+4915112345678',
			'0151 12345678',
		]);
		expect(phoneSearchValues('+4915112345678')).toEqual(['+4915112345678']);
		expect(phoneSearchValues('555-0101')).toEqual(['555-0101']);
		expect(phoneSearchValues('')).toEqual([]);
	});
});
