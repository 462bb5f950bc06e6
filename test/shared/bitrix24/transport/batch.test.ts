import {
	batchBody,
	buildPhpQuery,
	batchIsRead,
	chunk,
	containsBatchReference,
	commandTimes,
	readBatch,
} from '../../../../nodes/shared/bitrix24/transport/batch';

describe('batch', () => {
	const commands = [
		{ key: 'a', method: 'crm.lead.add', params: { fields: { TITLE: 'One' } } },
		{ key: 'b', method: 'crm.lead.get', params: { id: '$result[a]' } },
		{ key: 'c', method: 'crm.lead.get', params: { id: 999 } },
	];

	it('builds commands as method?query strings with halt as 0/1', () => {
		expect(batchBody(commands, false)).toEqual({
			halt: 0,
			cmd: {
				a: 'crm.lead.add?fields%5BTITLE%5D=One',
				b: 'crm.lead.get?id=%24result%5Ba%5D',
				c: 'crm.lead.get?id=999',
			},
		});
		expect(batchBody([{ key: 'x', method: 'user.current', params: {} }], true)).toEqual({
			halt: 1,
			cmd: { x: 'user.current' },
		});
	});

	it('maps results, per-command errors and halted commands back to their keys', () => {
		const results = readBatch(
			{
				result: {
					result: { a: 12, b: { ID: '12' } },
					result_error: { c: { error: '', error_description: 'Not found' } },
					result_total: [],
					result_next: [],
					result_time: [],
				},
			},
			[...commands, { key: 'd', method: 'crm.lead.get', params: {} }],
		);
		expect(results.get('a')).toEqual({ ok: true, result: 12, total: undefined, next: undefined });
		expect(results.get('b')).toMatchObject({ ok: true, result: { ID: '12' } });
		expect(results.get('c')).toEqual({
			ok: false,
			failure: { method: 'crm.lead.get', status: 400, code: '', description: 'Not found' },
		});
		expect(results.get('d')).toMatchObject({ ok: false, failure: { code: 'NOT_EXECUTED' } });
	});

	it('reads gap-free results serialised by PHP as arrays', () => {
		const results = readBatch({ result: { result: ['x', 'y'], result_error: [] } }, [
			{ key: '0', method: 'm.get', params: {} },
			{ key: '1', method: 'm.get', params: {} },
		]);
		expect(results.get('1')).toMatchObject({ ok: true, result: 'y' });
	});

	it('is a read only when every command is', () => {
		expect(batchIsRead(commands)).toBe(false);
		expect(batchIsRead(commands.slice(1))).toBe(true);
	});

	it('splits into chunks of 50', () => {
		expect(chunk(Array.from({ length: 120 }, (_, i) => i)).map((part) => part.length)).toEqual([
			50, 50, 20,
		]);
	});

	it('spots values Bitrix24 would take for batch references', () => {
		expect(containsBatchReference({ fields: { TITLE: 'x $result[a] y' } })).toBe(true);
		expect(containsBatchReference({ list: ['$NEXT[b]'] })).toBe(true);
		expect(containsBatchReference({ fields: { TITLE: 'costs $5', NOTE: 'results' } })).toBe(false);
	});

	it("reads each command's time block", () => {
		const times = commandTimes({
			result: {
				result: { a: 1 },
				result_time: { a: { operating_reset_at: 1700000600 }, b: { duration: 1 }, c: [] },
			},
		});
		expect([...times]).toEqual([
			['a', { operating_reset_at: 1700000600 }],
			['b', { duration: 1 }],
		]);
	});
});

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
