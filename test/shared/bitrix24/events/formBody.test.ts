import {
	assignPath,
	bracketPath,
	copyJsonBody,
	nestFormBody,
} from '../../../../nodes/shared/bitrix24/events/formBody';

const reasonOf = (checked: { ok: boolean; reason?: string }) =>
	checked.ok ? 'ok' : checked.reason;

describe('bracketPath', () => {
	it('splits names as PHP reads them', () => {
		expect(bracketPath('event')).toEqual({ ok: true, value: ['event'] });
		expect(bracketPath('data[FIELDS][ID]')).toEqual({ ok: true, value: ['data', 'FIELDS', 'ID'] });
		expect(bracketPath('filter[>ID]')).toEqual({ ok: true, value: ['filter', '>ID'] });
		expect(bracketPath('select[]')).toEqual({ ok: true, value: ['select', ''] });
	});

	it('refuses malformed, prototype, long and deep names', () => {
		expect(reasonOf(bracketPath('a]b'))).toBe('the name is not in bracket notation');
		expect(reasonOf(bracketPath('[a]'))).toBe('the name is not in bracket notation');
		expect(reasonOf(bracketPath('a[b]c'))).toBe('the name is not in bracket notation');
		expect(reasonOf(bracketPath('a[b[c]]'))).toBe('the name is not in bracket notation');
		expect(reasonOf(bracketPath('a[b'))).toBe('the name has an unclosed bracket');
		expect(reasonOf(bracketPath('a[__proto__][x]'))).toBe('"__proto__" is not allowed as a key');
		expect(reasonOf(bracketPath('constructor'))).toBe('"constructor" is not allowed as a key');
		expect(reasonOf(bracketPath(`a[${'k'.repeat(257)}]`))).toBe(
			'a key is longer than 256 characters',
		);
		expect(reasonOf(bracketPath(`a${'[x]'.repeat(64)}`))).toBe('ok');
		expect(reasonOf(bracketPath(`a${'[x]'.repeat(65)}`))).toBe(
			'the name nests deeper than 64 levels',
		);
		expect(reasonOf(bracketPath(`a${'[x]'.repeat(1000000)}`))).toMatch(/^the name is longer than/);
	});
});

describe('assignPath', () => {
	it('builds objects and lists, appends with [], and reports conflicting shapes', () => {
		const target = {};
		for (const [name, value] of [
			['select[]', 'ID'],
			['select[]', 'TITLE'],
			['filter[>ID]', 5],
			['rows[][A]', 1],
			['rows[][A]', 2],
			['rows[1][B]', 3],
		] as const) {
			const path = bracketPath(name);
			if (!path.ok) throw new Error(path.reason);
			expect(assignPath(target, path.value, value)).toEqual({ ok: true, value: true });
		}
		expect(target).toEqual({
			select: ['ID', 'TITLE'],
			filter: { '>ID': 5 },
			rows: [{ A: 1 }, { A: 2, B: 3 }],
		});
		expect(reasonOf(assignPath(target, ['filter'], 1))).toBe(
			'two names give one key different shapes',
		);
		expect(reasonOf(assignPath(target, ['select', 'x'], 1))).toBe(
			'two names give one key different shapes',
		);
		expect(reasonOf(assignPath(target, ['select', '99999999'], 1))).toBe(
			'two names give one key different shapes',
		);
		expect(reasonOf(assignPath(target, ['filter', '>ID', 'x'], 1))).toBe(
			'two names give one key different shapes',
		);
		expect(Object.prototype).not.toHaveProperty('x');
	});
});

describe('nestFormBody', () => {
	it('nests a flat body like PHP: [] appends every value, a repeated name keeps the last', () => {
		expect(
			nestFormBody({
				event: 'ONCRMLEADADD',
				'data[FIELDS][ID]': '5',
				'ids[]': ['1', '2'],
				ts: ['1', '2'],
			}),
		).toEqual({
			ok: true,
			value: { event: 'ONCRMLEADADD', data: { FIELDS: { ID: '5' } }, ids: ['1', '2'], ts: '2' },
		});
	});

	it('refuses too many fields, too many characters and values that are not text', () => {
		const many = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, '1']));
		expect(reasonOf(nestFormBody(many))).toBe('the body has more than 1000 fields');
		expect(reasonOf(nestFormBody({ big: 'v'.repeat(4 * 1024 * 1024 + 1) }))).toMatch(
			/^the body is larger than/,
		);
		expect(reasonOf(nestFormBody({ nested: { a: '1' } }))).toBe('a form value is not text');
	});
});

describe('copyJsonBody', () => {
	it('copies plain data and refuses prototype keys, deep nesting and too many values', () => {
		const body = { event: 'ONCRMLEADADD', data: { FIELDS: { ID: 5 }, list: [1, 'a', null] } };
		const copied = copyJsonBody(body);
		expect(copied).toEqual({ ok: true, value: body });
		expect(copied.ok && copied.value.data).not.toBe(body.data);
		expect(reasonOf(copyJsonBody(JSON.parse('{"data":{"__proto__":{"x":1}}}')))).toBe(
			'"__proto__" is not allowed as a key',
		);
		let deep: object = { x: 1 };
		for (let level = 0; level < 64; level++) deep = { x: deep };
		expect(reasonOf(copyJsonBody({ deep }))).toBe('the body nests deeper than 64 levels');
		expect(reasonOf(copyJsonBody({ list: Array(1001).fill(1) }))).toBe(
			'the body has more than 1000 values',
		);
	});
});
