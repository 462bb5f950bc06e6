import type { IDataObject } from 'n8n-workflow';

import { simpleOperation } from '../../../shared/bitrix24/operations';
import { chatIdParameter, chatIdProperty } from '../common.descriptions';
import { crmBindings, mainCrmRecord, sessionOf } from './dialog';

export const { description, execute } = simpleOperation({
	resource: 'dialog',
	operation: 'getCrmRecord',
	properties: [chatIdProperty],
	call: (ctx, itemIndex) => ({
		method: 'imopenlines.dialog.get',
		params: { CHAT_ID: chatIdParameter(ctx, itemIndex) },
	}),
	output: (result) => {
		const dialog = result as IDataObject;
		const main = mainCrmRecord(dialog);
		return {
			openLinesChatId: Number(dialog.id),
			sessionId: sessionOf(dialog),
			found: main !== null,
			entityType: main?.entityType ?? null,
			entityId: main?.entityId ?? null,
			...crmBindings(dialog),
		};
	},
});
