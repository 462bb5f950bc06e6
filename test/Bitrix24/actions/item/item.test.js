const {
	startPortal,
	runBitrix24,
	restRequests,
	callBitrix24Method,
} = require('../../../helpers/bitrix24');

describe('Smart Process Item → Create, Get, Update, Get Many, Delete', () => {
	let portal;
	let typeId;
	beforeEach(async () => {
		portal = await startPortal();
		const made = await runBitrix24(portal, {
			parameters: {
				resource: 'method',
				operation: 'call',
				method: 'crm.type.add',
				parametersJson: '{"fields": {"title": "Orders"}}',
			},
		});
		typeId = made.output[0].json.result.type.entityTypeId;
		portal.clearLog();
	});
	afterEach(async () => {
		await portal.stop();
	});

	const item = (operation, extra = {}) => ({
		resource: 'item',
		operation,
		entityTypeId: String(typeId),
		...extra,
	});

	it('creates items from many input items in one batch, then gets, updates and deletes one', async () => {
		const created = await runBitrix24(portal, {
			items: [{ title: 'Order 1' }, { title: 'Order 2' }],
			parameters: item('create', {
				itemFields: '={{ JSON.stringify({ title: $json.title, opportunity: 10 }) }}',
			}),
		});
		expect(created.error).toBeUndefined();
		expect(restRequests(portal)).toBe(1);
		const [first] = created.output.map((entry) => entry.json);
		expect(first).toMatchObject({ id: expect.any(Number), title: 'Order 1' });

		const got = await runBitrix24(portal, {
			parameters: item('get', { itemId: String(first.id) }),
		});
		expect(got.output[0].json).toMatchObject({ id: first.id, title: 'Order 1' });

		const updated = await runBitrix24(portal, {
			parameters: item('update', {
				itemId: String(first.id),
				itemFields: '{"title": "Order 1 (paid)"}',
			}),
		});
		expect(updated.output[0].json.title).toBe('Order 1 (paid)');

		const removed = await runBitrix24(portal, {
			parameters: item('delete', { itemId: String(first.id) }),
		});
		expect(removed.output[0].json).toEqual({ id: first.id, deleted: true });
	});

	it('exports every item with the fast export: 2,600 items in 3 requests', async () => {
		const rows = Array.from({ length: 2600 }, (_, i) => ({ title: `Bulk ${i}` }));
		for (let start = 0; start < rows.length; start += 1000) {
			await runBitrix24(portal, {
				items: rows.slice(start, start + 1000),
				parameters: item('create', { itemFields: '={{ JSON.stringify({ title: $json.title }) }}' }),
			});
		}
		portal.clearLog();
		const { output, error } = await runBitrix24(portal, {
			parameters: item('getAll', { returnAll: true }),
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(2600);
		expect(new Set(output.map((entry) => entry.json.id)).size).toBe(2600);
		// 1 page, then 2 beside the look-up of the last ID, then the 50 pages the IDs ahead hold.
		expect(restRequests(portal)).toBe(3);
	});

	it('explains a type that is not a number, naming the item', async () => {
		const { error } = await runBitrix24(portal, {
			parameters: { resource: 'item', operation: 'get', entityTypeId: 'orders', itemId: '1' },
		});
		expect(error.message).toBe('"orders" is not a CRM type ID');
		expect(error.context.itemIndex).toBe(0);
	});

	it('moves an item to another stage and to another pipeline', async () => {
		const created = await runBitrix24(portal, {
			parameters: item('create', { itemFields: '{"title": "Mover"}' }),
		});
		const { id, stageId, categoryId } = created.output[0].json;
		const stages = await runBitrix24(portal, {
			parameters: {
				resource: 'method',
				operation: 'call',
				method: 'crm.status.list',
				parametersJson: JSON.stringify({
					filter: { ENTITY_ID: `DYNAMIC_${typeId}_STAGE_${categoryId}` },
				}),
			},
		});
		const next = stages.output[0].json.result
			.map((stage) => stage.STATUS_ID)
			.find((stage) => stage !== stageId);
		const staged = await runBitrix24(portal, {
			parameters: item('moveToStage', { itemId: String(id), stageId: next }),
		});
		expect(staged.output[0].json).toEqual({ id, stage: next, moved: true });
		const pipeline = await runBitrix24(portal, {
			parameters: {
				resource: 'method',
				operation: 'call',
				method: 'crm.category.add',
				parametersJson: JSON.stringify({ entityTypeId: typeId, fields: { name: 'Second' } }),
			},
		});
		const secondId = pipeline.output[0].json.result.category.id;
		const moved = await runBitrix24(portal, {
			parameters: item('moveToPipeline', { itemId: String(id), categoryId: String(secondId) }),
		});
		expect(moved.error).toBeUndefined();
		expect(moved.output[0].json).toMatchObject({ id, pipeline: secondId, moved: true });
		expect(moved.output[0].json.stage).not.toBe(stageId);
		const back = await runBitrix24(portal, {
			parameters: item('moveToPipeline', {
				itemId: String(id),
				categoryId: String(categoryId),
				stageId,
			}),
		});
		expect(back.output[0].json).toMatchObject({ pipeline: categoryId, stage: stageId });
		const bad = await runBitrix24(portal, {
			parameters: item('moveToStage', { itemId: String(id), stageId: 'NOPE' }),
		});
		expect(bad.error.message).toMatch(/^Bitrix24 crm\.item\.update: /);
	});

	it('creates or updates items by a field, one item per value within a run', async () => {
		await runBitrix24(portal, {
			parameters: item('create', { itemFields: '{"title": "Order A", "xmlId": "A"}' }),
		});
		const { output, error } = await runBitrix24(portal, {
			items: [
				{ ref: 'A', amount: 1 },
				{ ref: 'B', amount: 2 },
				{ ref: 'B', amount: 3 },
			],
			parameters: item('upsert', {
				matchField: 'xmlId',
				matchValue: '={{ $json.ref }}',
				itemFields:
					'={{ JSON.stringify({ title: "Order " + $json.ref, opportunity: $json.amount }) }}',
			}),
		});
		expect(error).toBeUndefined();
		expect(
			output.map((entry) => [entry.json.xmlId, entry.json.created, entry.json.updated]),
		).toEqual([
			['A', false, true],
			['B', true, false],
			['B', false, true],
		]);
		const all = await runBitrix24(portal, { parameters: item('getAll', { returnAll: true }) });
		expect(all.output.map((entry) => [entry.json.xmlId, entry.json.opportunity])).toEqual([
			['A', 1],
			['B', 3],
		]);
		const wrong = await runBitrix24(portal, {
			parameters: item('upsert', { matchField: 'xml_id', matchValue: 'A' }),
		});
		expect(wrong.error.message).toBe('Field "xml_id" does not exist on these items');
	});

	it('picks items from a searchable list of the chosen type', async () => {
		await runBitrix24(portal, {
			items: [{ title: 'Alpha order' }, { title: 'Beta order' }, { title: 'Alpha refund' }],
			parameters: item('create', { itemFields: '={{ JSON.stringify({ title: $json.title }) }}' }),
		});
		const found = await callBitrix24Method(portal, {
			parameters: { resource: 'item', operation: 'get', entityTypeId: String(typeId) },
			kind: 'listSearch',
			method: 'searchItems',
			filter: 'alpha',
		});
		expect(found.results.map((entry) => entry.name)).toEqual([
			expect.stringMatching(/^Alpha refund \(#\d+\)$/),
			expect.stringMatching(/^Alpha order/),
		]);
		const picked = found.results[0].value;
		const got = await runBitrix24(portal, {
			parameters: item('get', { itemId: { __rl: true, mode: 'list', value: picked } }),
		});
		expect(got.output[0].json.title).toBe('Alpha refund');
	});
});
