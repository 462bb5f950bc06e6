import { simpleOperation } from '../../../shared/bitrix24/operations';
import { recordIdParameter } from '../../../shared/bitrix24/parameters';
import { chatIdParameter, chatIdProperty } from '../common.descriptions';

export const { description, execute } = simpleOperation({
	resource: 'dialog',
	operation: 'transfer',
	properties: [
		chatIdProperty,
		{
			displayName: 'Transfer To',
			name: 'transferTo',
			type: 'options',
			options: [
				{ name: 'Operator', value: 'user', description: 'An employee' },
				{ name: "Line's Queue", value: 'queue', description: 'The operators of a line' },
			],
			default: 'user',
		},
		{
			displayName: 'Operator ID',
			name: 'operatorId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '27',
			description: 'The user ID of the employee',
			displayOptions: { show: { transferTo: ['user'] } },
		},
		{
			displayName: 'Line ID',
			name: 'queueLine',
			type: 'string',
			default: '',
			required: true,
			placeholder: '3',
			description: 'The line whose queue takes the dialog',
			displayOptions: { show: { transferTo: ['queue'] } },
		},
	],
	call: (ctx, itemIndex) => {
		const toQueue = ctx.getNodeParameter('transferTo', itemIndex, 'user') === 'queue';
		const target = toQueue
			? `queue${recordIdParameter(ctx, 'queueLine', itemIndex, 'Line ID')}`
			: recordIdParameter(ctx, 'operatorId', itemIndex, 'Operator ID');
		return {
			method: 'imopenlines.operator.transfer',
			params: { CHAT_ID: chatIdParameter(ctx, itemIndex), TRANSFER_ID: target },
		};
	},
	output: (_result, params) => ({
		openLinesChatId: params.CHAT_ID as number,
		transferredTo: params.TRANSFER_ID as string | number,
		transferred: true,
	}),
});
