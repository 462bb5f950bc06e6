import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { executeEachItem } from '../../../shared/bitrix24/execute';
import { asBoolean, asNumber } from '../../../shared/bitrix24/entities/fieldTypes';
import { comparableValue } from '../../../shared/bitrix24/entities/multiFields';
import { recordIdParameter, rowLimitParameter } from '../../../shared/bitrix24/parameters';
import { returnAllOrLimit } from '../common.descriptions';
import { simpleOperation } from '../simpleOperation';
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

/** A user as a user-sync workflow wants it. */
export function simpleUser(user: IDataObject): IDataObject {
	const phones = [user.PERSONAL_MOBILE, user.WORK_PHONE].filter((phone) => phone) as string[];
	return {
		id: asNumber(user.ID),
		name: [user.NAME, user.LAST_NAME].filter(Boolean).join(' '),
		firstName: user.NAME ?? '',
		lastName: user.LAST_NAME ?? '',
		email: user.EMAIL ?? '',
		position: user.WORK_POSITION ?? '',
		phones,
		departments: ((user.UF_DEPARTMENT as unknown[]) ?? []).map(asNumber),
		active: asBoolean(user.ACTIVE) === true,
	};
}

const simplifyUsers: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return the ID, name, email, position, phones, departments and active flag instead of the raw record',
};

const shape = (ctx: IExecuteFunctions, itemIndex: number, users: IDataObject[]) =>
	ctx.getNodeParameter('simplify', itemIndex, true) ? users.map(simpleUser) : users;

export const get = simpleOperation({
	resource: 'user',
	operation: 'get',
	properties: [
		{ displayName: 'User ID', name: 'userId', type: 'string', default: '', required: true },
		simplifyUsers,
	],
	call: (ctx, itemIndex) => ({
		method: 'user.get',
		params: { FILTER: { ID: recordIdParameter(ctx, 'userId', itemIndex, 'User ID') } },
	}),
	output: (result, params, ctx, itemIndex) => {
		const [user] = (result as IDataObject[]) ?? [];
		if (!user) {
			throw new NodeOperationError(
				ctx.getNode(),
				`User ${String((params.FILTER as IDataObject).ID)} does not exist`,
				{ itemIndex },
			);
		}
		return shape(ctx, itemIndex, [user]);
	},
});

export const getCurrent = simpleOperation({
	resource: 'user',
	operation: 'getCurrent',
	properties: [simplifyUsers],
	call: () => ({ method: 'user.current', params: {} }),
	output: (result, _params, ctx, itemIndex) => shape(ctx, itemIndex, [result as IDataObject]),
});

const getManyProperties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'userFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Active Only',
				name: 'active',
				type: 'boolean',
				default: true,
				description: 'Whether to return only active users',
			},
			{ displayName: 'Department ID', name: 'department', type: 'string', default: '' },
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Words to find in the name, position or email',
			},
		],
	},
	simplifyUsers,
];

export const getAll = {
	description: updateDisplayOptions(
		{ show: { resource: ['user'], operation: ['getAll'] } },
		getManyProperties,
	),
	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	client: Bitrix24Client,
	): Promise<INodeExecutionData[]> {
		return await executeEachItem.call(this, items, async (itemIndex) => {
			const filters = this.getNodeParameter('userFilters', itemIndex, {}) as IDataObject;
			const filter: IDataObject = {};
			if (filters.active !== false) filter.ACTIVE = true;
			if (filters.department) filter.UF_DEPARTMENT = Number(filters.department);
			const search = String(filters.search ?? '').trim();
			const users = await client.list({
				method: search ? 'user.search' : 'user.get',
				params: search
					? { FILTER: { FIND: search } }
					: { FILTER: filter, sort: 'ID', order: 'ASC' },
				limit: rowLimitParameter(this, itemIndex),
			});
			return shape(this, itemIndex, users);
		});
	},
};

/** Find by Email / Find by Phone: the matching users, or `{found: false}` so the item goes on. */
function finder(operation: 'findByEmail' | 'findByPhone', label: string, field: 'EMAIL' | 'PHONE') {
	const description = updateDisplayOptions(
		{ show: { resource: ['user'], operation: [operation] } },
		[
			{ displayName: label, name: 'lookFor', type: 'string', default: '', required: true },
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
			const wanted = comparableValue(field, this.getNodeParameter('lookFor', itemIndex, ''));
			if (!wanted) throw new NodeOperationError(this.getNode(), `${label} is empty`, { itemIndex });
			// Bitrix24 matches emails exactly and phones as typed: compare them ourselves, reading the users once.
			everyone ??= await client.list({
				method: 'user.get',
				params: { select: SELECT, sort: 'ID', order: 'ASC' },
			});
			const found = everyone.filter((user) =>
				field === 'EMAIL'
					? comparableValue('EMAIL', user.EMAIL) === wanted
					: [user.PERSONAL_MOBILE, user.WORK_PHONE].some(
							(phone) => comparableValue('PHONE', phone) === wanted,
						),
			);
			return found.length ? shape(this, itemIndex, found) : { found: false };
		});
	}
	return { description, execute };
}

export const findByEmail = finder('findByEmail', 'Email', 'EMAIL');
export const findByPhone = finder('findByPhone', 'Phone', 'PHONE');
