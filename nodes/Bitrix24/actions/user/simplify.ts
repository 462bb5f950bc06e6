import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asBoolean, asNumber } from '../../../shared/bitrix24/entities/fieldTypes';

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

export const simplifyUsers: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return the ID, name, email, position, phones, departments and active flag instead of the raw record',
};

export const shape = (ctx: IExecuteFunctions, itemIndex: number, users: IDataObject[]) =>
	ctx.getNodeParameter('simplify', itemIndex, true) ? users.map(simpleUser) : users;
