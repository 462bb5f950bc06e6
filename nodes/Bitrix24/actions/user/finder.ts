import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { executeEachItem } from '../../../shared/bitrix24/execute';
import { comparableValue } from '../../../shared/bitrix24/entities/multiFields';
import { defaultCountryCode } from '../../../shared/bitrix24/descriptions';
import { phoneOptionsParameter } from '../../../shared/bitrix24/parameters';
import { shape, simplifyUsers } from './simplify';
import type { Bitrix24Client } from '../../../shared/bitrix24/client';

const SELECT = [
	'ID',
	'ACTIVE',
	'NAME',
	'LAST_NAME',
	'EMAIL',
	'WORK_POSITION',
	'PERSONAL_MOBILE',
	'WORK_PHONE',
	'UF_DEPARTMENT',
];

/** Find by Email / Find by Phone: the matching users, or `{found: false}` so the item goes on. */
export function finder(
	operation: 'findByEmail' | 'findByPhone',
	label: string,
	field: 'EMAIL' | 'PHONE',
) {
	const description = updateDisplayOptions(
		{ show: { resource: ['user'], operation: [operation] } },
		[
			{ displayName: label, name: 'lookFor', type: 'string', default: '', required: true },
			...(field === 'PHONE' ? [defaultCountryCode] : []),
			simplifyUsers,
		],
	);
	async function execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		let everyone: IDataObject[] | undefined;
		return await executeEachItem.call(this, items, async (itemIndex) => {
			const phone = field === 'PHONE' ? phoneOptionsParameter(this, itemIndex) : {};
			const wanted = comparableValue(field, this.getNodeParameter('lookFor', itemIndex, ''), phone);
			if (!wanted) throw new NodeOperationError(this.getNode(), `${label} is empty`, { itemIndex });
			// Bitrix24 matches emails exactly and phones as typed: compare them ourselves (phones in
			// E.164), reading the users once.
			everyone ??= await client.list({
				method: 'user.get',
				params: { select: SELECT, sort: 'ID', order: 'ASC' },
			});
			const found = everyone.filter((user) =>
				field === 'EMAIL'
					? comparableValue('EMAIL', user.EMAIL) === wanted
					: [user.PERSONAL_MOBILE, user.WORK_PHONE].some(
							(number) => comparableValue('PHONE', number, phone) === wanted,
						),
			);
			return found.length ? shape(this, itemIndex, found) : { found: false };
		});
	}
	return { description, execute };
}
