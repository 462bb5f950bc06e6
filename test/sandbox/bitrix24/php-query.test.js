'use strict';

const { parseStr, httpBuildQuery } = require('../../../sandbox/bitrix24/php-query');
const { boolval, intval, toPhpJson, PhpObject } = require('../../../sandbox/bitrix24/php');

describe('PHP parse_str', () => {
	test('bracket notation builds nested arrays, [] appends', () => {
		expect(parseStr('a=1&b[]=x&b[]=y&c[d][e]=2&f[PHONE][0][VALUE]=%2B1')).toEqual({
			a: '1',
			b: ['x', 'y'],
			c: { d: { e: '2' } },
			f: { PHONE: [{ VALUE: '+1' }] },
		});
	});

	test('name mangling: dots and spaces, unterminated bracket, trailing text', () => {
		expect(parseStr('a.b=1&c d=2&x[y=3&q[a]zzz=4&e[a][b=5')).toEqual({
			a_b: '1',
			c_d: '2',
			x_y: '3',
			q: { a: '4' },
			e: { a: '5' },
		});
	});

	test('decoding: + is a space, malformed escapes stay, UTF-8', () => {
		expect(parseStr('t=a+b%20c&bad=%zz&u=%E2%82%AC&flag')).toEqual({
			t: 'a b c',
			bad: '%zz',
			u: '€',
			flag: '',
		});
	});

	test('integer keys continue after the highest index; scalar replaced by a nested key', () => {
		expect(parseStr('a[]=0&a[5]=5&a[]=6&s=1&s[k]=2')).toEqual({
			a: { 0: '0', 5: '5', 6: '6' },
			s: { k: '2' },
		});
	});

	test('http_build_query round-trips through parse_str', () => {
		const data = {
			fields: { TITLE: 'a b&c=d', PHONE: [{ VALUE: '+1', VALUE_TYPE: 'WORK' }] },
			n: 5,
			t: true,
			skip: null,
		};
		const qs = httpBuildQuery(data);
		expect(qs).toContain('fields%5BTITLE%5D=a+b%26c%3Dd');
		expect(parseStr(qs)).toEqual({
			fields: { TITLE: 'a b&c=d', PHONE: [{ VALUE: '+1', VALUE_TYPE: 'WORK' }] },
			n: '5',
			t: '1',
		});
	});
});

describe('PHP value semantics', () => {
	test('(bool): the string "false" is true', () => {
		expect([false, 0, '0', '', null, [], {}].map(boolval)).toEqual([
			false,
			false,
			false,
			false,
			false,
			false,
			false,
		]);
		expect(['false', 'N', 1, '1', [0]].map(boolval)).toEqual([true, true, true, true, true]);
	});

	test('intval reads the leading number', () => {
		expect(['12abc', ' 7', 'abc', '1e3', 3.9, true, null].map(intval)).toEqual([
			12, 7, 0, 1000, 3, 1, 0,
		]);
	});

	test('json: empty arrays as [], sequential keys as lists, PhpObject stays an object', () => {
		expect(
			JSON.stringify(
				toPhpJson({ a: {}, b: { 0: 'x', 1: 'y' }, c: { 1: 'x' }, d: new PhpObject({}) }),
			),
		).toBe('{"a":[],"b":["x","y"],"c":{"1":"x"},"d":{}}');
	});
});
