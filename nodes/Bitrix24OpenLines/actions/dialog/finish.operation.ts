import { simpleOperation } from '../../../shared/bitrix24/operations';
import { chatIdParameter, chatIdProperty } from '../common.descriptions';

export const { description, execute } = simpleOperation({
	resource: 'dialog',
	operation: 'finish',
	properties: [
		chatIdProperty,
		{
			displayName: 'Whose Dialog',
			name: 'whose',
			type: 'options',
			options: [
				{
					name: 'Any Operator',
					value: 'any',
					description: 'Finish the dialog whoever answers it (imopenlines.operator.another.finish)',
				},
				{
					name: "The Credential's User",
					value: 'own',
					description:
						'Only when the user behind the credential answers it (imopenlines.operator.finish)',
				},
			],
			default: 'any',
		},
	],
	call: (ctx, itemIndex) => ({
		method:
			ctx.getNodeParameter('whose', itemIndex, 'any') === 'own'
				? 'imopenlines.operator.finish'
				: 'imopenlines.operator.another.finish',
		params: { CHAT_ID: chatIdParameter(ctx, itemIndex) },
	}),
	output: (_result, params) => ({ openLinesChatId: params.CHAT_ID as number, finished: true }),
});
