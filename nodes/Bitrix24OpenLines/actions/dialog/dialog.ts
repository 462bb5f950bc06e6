import type { IDataObject } from 'n8n-workflow';

/*
 * What imopenlines.dialog.get packs into strings: `entity_id` is the USER_CODE
 * `<connector>|<line>|<channel chat id>|<channel user id>`, `entity_data_1` holds the CRM
 * binding and the session (its 6th field), `entity_data_2` the CRM records by type.
 */

const idOf = (value: string | undefined) => {
	const id = Number(value);
	return Number.isInteger(id) && id > 0 ? id : null;
};

/** The connector chat a dialog belongs to, from its USER_CODE. */
export function userCodeParts(userCode: unknown) {
	const [connector, line, chatId, userId] = String(userCode ?? '').split('|');
	return { connector, line: idOf(line), chatId, userId };
}

/** The dialog's current session, from `entity_data_1`. */
export const sessionOf = (dialog: IDataObject) =>
	idOf(String(dialog.entity_data_1 ?? '').split('|')[5]);

/** The CRM records the dialog is bound to: `{lead, company, contact, deal}`, each an ID or null. */
export function crmBindings(dialog: IDataObject): Record<string, number | null> {
	const parts = String(dialog.entity_data_2 ?? '').split('|');
	const bindings: Record<string, number | null> = {
		lead: null,
		company: null,
		contact: null,
		deal: null,
	};
	for (let at = 0; at + 1 < parts.length; at += 2) {
		const type = parts[at].toLowerCase();
		if (type in bindings) bindings[type] = idOf(parts[at + 1]);
	}
	return bindings;
}

/** The main CRM record of `entity_data_1` ("Y|LEAD|1209|…"), when there is one. */
export function mainCrmRecord(dialog: IDataObject) {
	const [, type, id] = String(dialog.entity_data_1 ?? '').split('|');
	return idOf(id) ? { entityType: type, entityId: idOf(id) } : null;
}

/** A dialog with the parts n8n users look for, decoded. */
export function dialogOutput(dialog: IDataObject): IDataObject {
	const code = userCodeParts(dialog.entity_id);
	return {
		openLinesChatId: Number(dialog.id),
		sessionId: sessionOf(dialog),
		connector: code.connector,
		line: code.line,
		chatId: code.chatId,
		userId: code.userId,
		crm: crmBindings(dialog),
		dialog,
	};
}
