import type { IDataObject } from 'n8n-workflow';

import { ownerOf, ownerProperties } from '../crm/owner';
import { simpleOperation } from '../../../shared/bitrix24/operations';

export const { description, execute } = simpleOperation({
	resource: 'activity',
	operation: 'createTodo',
	properties: [
		...ownerProperties(),
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Call back',
		},
		{ displayName: 'Deadline', name: 'deadline', type: 'dateTime', default: '', required: true },
		{
			displayName: 'Additional Fields',
			name: 'todoFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
				},
				{
					displayName: 'Responsible User Name or ID',
					name: 'responsibleId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getUsers' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
			],
		},
	],
	call: (ctx, itemIndex) => {
		const owner = ownerOf(ctx, itemIndex);
		const extra = ctx.getNodeParameter('todoFields', itemIndex, {}) as IDataObject;
		const params: IDataObject = {
			ownerTypeId: owner.typeId,
			ownerId: owner.id,
			title: ctx.getNodeParameter('title', itemIndex) as string,
			deadline: ctx.getNodeParameter('deadline', itemIndex) as string,
		};
		if (extra.description) params.description = extra.description;
		if (extra.responsibleId) params.responsibleId = Number(extra.responsibleId);
		return { method: 'crm.activity.todo.add', params };
	},
	output: (result) => ({ id: Number((result as IDataObject).id) }),
});
