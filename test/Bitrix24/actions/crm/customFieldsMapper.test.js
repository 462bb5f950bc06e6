// The custom-fields resource mapper of Create/Update/Upsert: UF_CRM_* fields by label and type,
// values set in the mapper or taken from the input item ("map automatically").
const {
	startPortal,
	runBitrix24,
	callBitrix24Method,
	Bitrix24,
} = require('../../../helpers/bitrix24');

describe('custom fields resource mapper', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
		const field = (code, label, userType, listValues = '') =>
			runBitrix24(portal, {
				parameters: {
					resource: 'customField',
					operation: 'create',
					fieldEntity: 'deal',
					code,
					label,
					userType,
					listValues,
				},
			});
		await field('delivery_slot', 'Delivery slot', 'enumeration', 'Morning, Afternoon');
		await field('tracking', 'Tracking number', 'string');
		await field('weight', 'Weight (kg)', 'double');
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('lists the custom fields by label with their types and list values', async () => {
		const result = await callBitrix24Method(portal, {
			parameters: { resource: 'deal', operation: 'create' },
			kind: 'resourceMapping',
			method: 'getCustomFields',
		});
		const byId = Object.fromEntries(result.fields.map((field) => [field.id, field]));
		expect(byId.UF_CRM_TRACKING).toMatchObject({
			displayName: 'Tracking number',
			type: 'string',
			display: true,
		});
		expect(byId.UF_CRM_WEIGHT).toMatchObject({ displayName: 'Weight (kg)', type: 'number' });
		expect(byId.UF_CRM_DELIVERY_SLOT).toMatchObject({
			displayName: 'Delivery slot',
			type: 'options',
		});
		expect(byId.UF_CRM_DELIVERY_SLOT.options.map((option) => option.name)).toEqual([
			'Morning',
			'Afternoon',
		]);
		expect(result.fields.every((field) => field.id.startsWith('UF_'))).toBe(true);
		expect(result.emptyFieldsNotice).toBeUndefined();
	});

	it('creates deals with mapped values, and maps input item keys automatically', async () => {
		const defined = await runBitrix24(portal, {
			parameters: {
				resource: 'deal',
				operation: 'create',
				title: 'Mapped',
				customFields: {
					mappingMode: 'defineBelow',
					value: { UF_CRM_TRACKING: 'TRK-1', UF_CRM_WEIGHT: 2.5 },
				},
			},
		});
		expect(defined.error).toBeUndefined();
		const auto = await runBitrix24(portal, {
			items: [{ title: 'Auto', UF_CRM_TRACKING: 'TRK-2', other: 'ignored' }],
			parameters: {
				resource: 'deal',
				operation: 'create',
				title: '={{ $json.title }}',
				customFields: { mappingMode: 'autoMapInputData', value: null },
			},
		});
		expect(auto.error).toBeUndefined();
		const [first, second] = portal.deals();
		expect(first).toMatchObject({ TITLE: 'Mapped', UF_CRM_TRACKING: 'TRK-1' });
		expect(Number(first.UF_CRM_WEIGHT)).toBe(2.5);
		expect(second).toMatchObject({ TITLE: 'Auto', UF_CRM_TRACKING: 'TRK-2' });
	});
});

/**
 * What n8n's editor shows under the mapper (ResourceMapper.vue, MappingModeSelect.vue): a red
 * "no fields found" error unless the field sets `hideNoDataError`, and the method's
 * `emptyFieldsNotice` as an info notice whenever it is given and no fields are shown.
 */
function editorMessages(property, fetched, mappingMode = 'defineBelow') {
	const options = property.typeOptions.resourceMapper;
	const noFields = fetched.fields.length === 0;
	return {
		error: mappingMode === 'defineBelow' && noFields && !options.hideNoDataError,
		notice: mappingMode === 'defineBelow' && !noFields ? undefined : fetched.emptyFieldsNotice,
	};
}

describe('custom fields resource mapper on a portal without custom fields', () => {
	const mapper = new Bitrix24().description.properties.find(
		(property) => property.name === 'customFields',
	);

	it('shows a friendly notice instead of a red warning, and no notice once fields exist', async () => {
		const portal = await startPortal();
		try {
			const getFields = () =>
				callBitrix24Method(portal, {
					parameters: { resource: 'deal', operation: 'create' },
					kind: 'resourceMapping',
					method: 'getCustomFields',
				});
			const empty = await getFields();
			expect(empty.fields).toEqual([]);
			expect(editorMessages(mapper, empty)).toEqual({
				error: false,
				notice: expect.stringMatching(/no custom fields for deals yet/),
			});

			await runBitrix24(portal, {
				parameters: {
					resource: 'customField',
					operation: 'create',
					fieldEntity: 'deal',
					code: 'tracking',
					label: 'Tracking number',
					userType: 'string',
				},
			});
			const some = await getFields();
			expect(some.fields.map((field) => field.id)).toEqual(['UF_CRM_TRACKING']);
			expect(editorMessages(mapper, some, 'autoMapInputData')).toEqual({
				error: false,
				notice: undefined,
			});
		} finally {
			await portal.stop();
		}
	});
});
