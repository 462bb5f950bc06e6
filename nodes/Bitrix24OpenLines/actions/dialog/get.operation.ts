import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { chatIdParameter, chatIdProperty } from '../common.descriptions';
import { dialogOutput } from './dialog';

export const { description, execute } = simpleOperation({
	resource: 'dialog',
	operation: 'get',
	properties: [chatIdProperty],
	call: (ctx, itemIndex) => ({
		method: 'imopenlines.dialog.get',
		params: { CHAT_ID: chatIdParameter(ctx, itemIndex) },
	}),
	output: (result) => dialogOutput(result as IDataObject),
});
