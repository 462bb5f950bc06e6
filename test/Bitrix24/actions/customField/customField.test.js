const { startPortal, runBitrix24, callBitrix24Method } = require('../../../helpers/bitrix24');

describe('Custom Field → Create, Get Many, Update, Delete', () => {
	it('adds a list field to deals, shows it by label in the field dropdown, extends and deletes it', async () => {
		const portal = await startPortal();
		try {
			const created = await runBitrix24(portal, {
				parameters: {
					resource: 'customField',
					operation: 'create',
					fieldEntity: 'deal',
					code: 'delivery_slot',
					label: 'Delivery slot',
					userType: 'enumeration',
					listValues: 'Morning, Afternoon',
				},
			});
			expect(created.error).toBeUndefined();
			const { id, fieldName } = created.output[0].json;
			expect(fieldName).toBe('UF_CRM_DELIVERY_SLOT');

			const result = await callBitrix24Method(portal, {
				parameters: { resource: 'deal', operation: 'getAll' },
				kind: 'loadOptions',
				method: 'getFields',
			});
			expect(result).toContainEqual({
				name: 'Delivery slot (UF_CRM_DELIVERY_SLOT)',
				value: 'UF_CRM_DELIVERY_SLOT',
			});

			await runBitrix24(portal, {
				parameters: {
					resource: 'customField',
					operation: 'update',
					fieldEntity: 'deal',
					fieldId: String(id),
					listValues: 'Evening',
				},
			});
			const listed = await runBitrix24(portal, {
				parameters: { resource: 'customField', operation: 'getAll', fieldEntity: 'deal' },
			});
			const field = listed.output.find(
				(item) => item.json.FIELD_NAME === 'UF_CRM_DELIVERY_SLOT',
			).json;
			expect(field.LIST.map((entry) => entry.VALUE)).toEqual(['Morning', 'Afternoon', 'Evening']);

			const removed = await runBitrix24(portal, {
				parameters: {
					resource: 'customField',
					operation: 'delete',
					fieldEntity: 'deal',
					fieldId: String(id),
				},
			});
			expect(removed.output[0].json).toEqual({ id, deleted: true });
		} finally {
			await portal.stop();
		}
	});
});
