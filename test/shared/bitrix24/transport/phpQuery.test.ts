import { buildPhpQuery } from '../../../../nodes/shared/bitrix24/transport/phpQuery';

describe('buildPhpQuery', () => {
	it('encodes nested objects and arrays in bracket notation', () => {
		const query = buildPhpQuery({
			fields: { TITLE: 'A & B', PHONE: [{ VALUE: '+1 555', VALUE_TYPE: 'WORK' }] },
			select: ['ID', 'TITLE'],
		});
		expect(query.split('&').map(decodeURIComponent)).toEqual([
			'fields[TITLE]=A & B',
			'fields[PHONE][0][VALUE]=+1 555',
			'fields[PHONE][0][VALUE_TYPE]=WORK',
			'select[0]=ID',
			'select[1]=TITLE',
		]);
	});

	it('writes booleans as 1/0 like PHP, skips undefined and keeps null as empty', () => {
		expect(buildPhpQuery({ a: true, b: false, c: undefined, d: null })).toBe('a=1&b=0&d=');
	});

	it('keeps batch references intact once decoded', () => {
		const query = buildPhpQuery({ filter: { '>ID': '$result[p0][49][ID]' }, start: -1 });
		expect(decodeURIComponent(query)).toBe('filter[>ID]=$result[p0][49][ID]&start=-1');
	});
});

describe('buildPhpQuery with empty containers', () => {
	it('leaves out empty arrays and objects, as http_build_query does', () => {
		expect(buildPhpQuery({ filter: {}, select: [], order: { ID: 'ASC' } })).toBe(
			'order%5BID%5D=ASC',
		);
	});
});
