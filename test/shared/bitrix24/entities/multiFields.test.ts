import { multiFieldUpdate, valuesToAdd } from '../../../../nodes/shared/bitrix24/entities/multiFields';

describe('multi-field values to add', () => {
	const current = [
		{ ID: '1', VALUE: '+1 (555) 010-0200', VALUE_TYPE: 'WORK' },
		{ ID: '2', VALUE: 'Ann@Example.com', VALUE_TYPE: 'WORK' },
	];
	const entry = (VALUE: string) => ({ VALUE, VALUE_TYPE: 'WORK' });

	it('leaves out phones the record has (by digits) and repeats among the given ones', () => {
		expect(
			valuesToAdd(
				'PHONE',
				[entry('15550100200'), entry('+1 555 0300'), entry('1-555-0300')],
				current,
			),
		).toEqual([entry('+1 555 0300')]);
	});

	it('compares emails ignoring case, in "add" mode of an update', () => {
		expect(multiFieldUpdate('EMAIL', 'add', [entry('ann@example.COM')], current)).toEqual([]);
		expect(multiFieldUpdate('EMAIL', 'add', [entry('bob@example.com')], current)).toEqual([
			entry('bob@example.com'),
		]);
	});
});
