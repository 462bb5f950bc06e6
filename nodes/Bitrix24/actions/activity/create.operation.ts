import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ownerOf, ownerProperties } from '../crm/owner';
import { simpleOperation } from '../../../shared/bitrix24/operations';

/** Bitrix24 activity types that `crm.activity.add` creates; calls and emails need a contact point. */
const TYPES = { meeting: '1', call: '2', email: '4' } as const;

export const { description, execute } = simpleOperation({
	resource: 'activity',
	operation: 'create',
	properties: [
		...ownerProperties(),
		{
			displayName: 'Type',
			name: 'activityType',
			type: 'options',
			options: [
				{ name: 'Call', value: 'call' },
				{ name: 'Email', value: 'email' },
				{ name: 'Meeting', value: 'meeting' },
			],
			default: 'call',
		},
		{ displayName: 'Subject', name: 'subject', type: 'string', default: '', required: true },
		{
			displayName: 'Phone or Email',
			name: 'communication',
			type: 'string',
			default: '',
			required: true,
			placeholder: '+1 555 0100',
			description: 'Who the call, email or meeting is with: a phone number or an email address',
		},
		{
			displayName: 'Responsible User Name or ID',
			name: 'responsibleId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getUsers' },
			default: '',
			required: true,
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'Additional Fields',
			name: 'activityFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Completed',
					name: 'completed',
					type: 'boolean',
					default: false,
					description: 'Whether the activity is already done',
				},
				{
					displayName: 'Description',
					name: 'DESCRIPTION',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
				},
				{
					displayName: 'Direction',
					name: 'DIRECTION',
					type: 'options',
					options: [
						{ name: 'Incoming', value: 1 },
						{ name: 'Outgoing', value: 2 },
					],
					default: 2,
				},
				{
					displayName: 'Disk File IDs',
					name: 'diskFiles',
					type: 'string',
					default: '',
					description:
						'Bitrix24 Disk files to attach, comma-separated IDs (as the Disk File resource outputs them)',
				},
				{ displayName: 'End', name: 'END_TIME', type: 'dateTime', default: '' },
				{ displayName: 'Start', name: 'START_TIME', type: 'dateTime', default: '' },
			],
		},
	],
	call: (ctx, itemIndex) => {
		const owner = ownerOf(ctx, itemIndex);
		const type = ctx.getNodeParameter('activityType', itemIndex) as keyof typeof TYPES;
		const { completed, diskFiles, ...extra } = ctx.getNodeParameter(
			'activityFields',
			itemIndex,
			{},
		) as IDataObject;
		const value = String(ctx.getNodeParameter('communication', itemIndex)).trim();
		const fields: IDataObject = {
			...extra,
			OWNER_TYPE_ID: owner.typeId,
			OWNER_ID: owner.id,
			TYPE_ID: TYPES[type],
			SUBJECT: ctx.getNodeParameter('subject', itemIndex) as string,
			RESPONSIBLE_ID: Number(ctx.getNodeParameter('responsibleId', itemIndex)),
			COMPLETED: completed ? 'Y' : 'N',
			COMMUNICATIONS: [{ VALUE: value, TYPE: value.includes('@') ? 'EMAIL' : 'PHONE' }],
		};
		for (const key of ['START_TIME', 'END_TIME', 'DESCRIPTION'])
			if (fields[key] === '') delete fields[key];
		const files = String(diskFiles ?? '')
			.split(',')
			.map((id) => id.trim().replace(/^n/i, ''))
			.filter(Boolean);
		if (files.length) {
			if (files.some((id) => !/^\d+$/.test(id))) {
				throw new NodeOperationError(ctx.getNode(), 'Disk File IDs must be numbers', {
					itemIndex,
					description: `Got "${String(diskFiles)}". Give the IDs of Disk files, comma-separated, e.g. 12, 15.`,
				});
			}
			// STORAGE_TYPE_ID 3: the files live on Bitrix24 Disk.
			Object.assign(fields, { STORAGE_TYPE_ID: 3, STORAGE_ELEMENT_IDS: files.map(Number) });
		}
		return { method: 'crm.activity.add', params: { fields } };
	},
	output: (result) => ({ id: Number(result) }),
});
