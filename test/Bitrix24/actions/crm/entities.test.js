// The shared CRM operations (actions/crm/) on each legacy entity: create, get, update, get many,
// delete, with each entity's own fields. Leads have their own, deeper tests in ../lead.
const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });

const CASES = [
	{
		resource: 'deal',
		records: (portal) => portal.deals(),
		create: {
			title: 'Annual plan',
			additionalFields: { OPPORTUNITY: 1200, CURRENCY_ID: 'EUR', CONTACT_IDS: '3, 4' },
		},
		stored: { TITLE: 'Annual plan', OPPORTUNITY: '1200.00', CURRENCY_ID: 'EUR' },
		update: { updateFields: { TITLE: 'Annual plan (signed)', COMMENTS: 'Signed' } },
		updated: { TITLE: 'Annual plan (signed)', COMMENTS: 'Signed' },
	},
	{
		resource: 'contact',
		records: (portal) => portal.contacts(),
		create: {
			firstName: 'Ada',
			additionalFields: { LAST_NAME: 'Lovelace', POST: 'Analyst' },
			emails: { values: [{ value: 'ada@example.com', valueType: 'WORK' }] },
		},
		stored: { NAME: 'Ada', LAST_NAME: 'Lovelace', POST: 'Analyst' },
		update: {
			updateFields: { POST: 'Chief analyst' },
			phones: { values: [{ value: '+44 20 7946 0000', valueType: 'WORK' }] },
		},
		updated: { POST: 'Chief analyst' },
	},
	{
		resource: 'company',
		records: (portal) => portal.companies(),
		create: { title: 'Acme Ltd', additionalFields: { REVENUE: 5000000 } },
		stored: { TITLE: 'Acme Ltd' },
		update: { updateFields: { TITLE: 'Acme Group' } },
		updated: { TITLE: 'Acme Group' },
	},
];

describe.each(CASES)('$resource', ({ resource, records, create, stored, update, updated }) => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('creates, gets, updates, lists and deletes', async () => {
		const made = await runBitrix24(portal, {
			parameters: { resource, operation: 'create', ...create },
		});
		expect(made.error).toBeUndefined();
		const id = made.output[0].json.id;
		expect(records(portal)[0]).toMatchObject({ ID: String(id), ...stored });

		const got = await runBitrix24(portal, {
			parameters: { resource, operation: 'get', [`${resource}Id`]: byId(id), simplify: false },
		});
		expect(got.output[0].json).toMatchObject({ ID: String(id), ...stored });

		const changed = await runBitrix24(portal, {
			parameters: { resource, operation: 'update', [`${resource}Id`]: byId(id), ...update },
		});
		expect(changed.output[0].json).toEqual({ id, updated: true });
		expect(records(portal)[0]).toMatchObject(updated);

		const listed = await runBitrix24(portal, {
			parameters: { resource, operation: 'getAll', returnAll: true },
		});
		expect(listed.output.map((item) => item.json.ID)).toEqual([id]);

		const removed = await runBitrix24(portal, {
			parameters: { resource, operation: 'delete', [`${resource}Id`]: byId(id) },
		});
		expect(removed.output[0].json).toEqual({ id, deleted: true });
		expect(records(portal)).toHaveLength(0);
	});
});

describe('contact phones on update', () => {
	it('adds the phone to the contact', async () => {
		const portal = await startPortal();
		try {
			portal.seedContacts(1, () => ({ NAME: 'Alan' }));
			const id = portal.contacts()[0].ID;
			await runBitrix24(portal, {
				parameters: {
					resource: 'contact',
					operation: 'update',
					contactId: byId(id),
					phones: { values: [{ value: '+1 555 0100', valueType: 'MOBILE' }] },
				},
			});
			expect(portal.contacts()[0].PHONE).toEqual([
				expect.objectContaining({ VALUE: '+1 555 0100', VALUE_TYPE: 'MOBILE' }),
			]);
		} finally {
			await portal.stop();
		}
	});
});

describe('Simplify', () => {
	const { CRM_ENTITIES } = require('../../../../nodes/Bitrix24/actions/crm/entities');
	const { portalCall } = require('../../../helpers/portalCall');
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('keeps the key fields with the types crm.*.fields gives them', async () => {
		for (const entity of Object.values(CRM_ENTITIES)) {
			const fields = await portalCall(portal, `${entity.method}.fields`, {});
			for (const [name, type] of Object.entries(entity.simpleFields))
				expect([entity.resource, name, fields[name]?.type]).toEqual([entity.resource, name, type]);
		}
	});

	it('gives numbers, booleans, ISO dates and nulls; the ID is the number Create returned', async () => {
		const created = await runBitrix24(portal, {
			parameters: {
				resource: 'deal',
				operation: 'create',
				title: 'Typed',
				additionalFields: {
					OPPORTUNITY: 1000,
					CLOSEDATE: '2026-07-01',
					COMPANY_ID: 7,
					ASSIGNED_BY_ID: '2',
				},
			},
		});
		const { id } = created.output[0].json;
		const got = await runBitrix24(portal, {
			parameters: { resource: 'deal', operation: 'get', dealId: byId(id) },
		});
		expect(got.error).toBeUndefined();
		const isoWithOffset = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;
		expect(got.output[0].json).toEqual({
			ID: id,
			TITLE: 'Typed',
			CATEGORY_ID: 0,
			STAGE_ID: 'NEW',
			OPPORTUNITY: 1000,
			CURRENCY_ID: 'USD',
			COMPANY_ID: 7,
			CONTACT_ID: null,
			ASSIGNED_BY_ID: 2,
			CLOSEDATE: expect.stringMatching(/^2026-07-01T00:00:00[+-]\d\d:\d\d$/),
			CLOSED: false,
			DATE_CREATE: expect.stringMatching(isoWithOffset),
			DATE_MODIFY: expect.stringMatching(isoWithOffset),
		});

		portal.seedCompanies(1, () => ({ TITLE: 'Acme', REVENUE: '2500000.50' }));
		portal.seedContacts(1, () => ({
			NAME: 'Ada',
			COMPANY_ID: '1',
			EMAIL: [{ VALUE: 'ada@example.com', VALUE_TYPE: 'WORK' }],
		}));
		const listed = async (resource) =>
			(
				await runBitrix24(portal, {
					parameters: { resource, operation: 'getAll', returnAll: true },
				})
			).output.map((item) => item.json);
		expect(await listed('company')).toEqual([
			expect.objectContaining({ ID: 1, TITLE: 'Acme', REVENUE: 2500000.5, ASSIGNED_BY_ID: 1 }),
		]);
		expect(await listed('contact')).toEqual([
			expect.objectContaining({ ID: 1, NAME: 'Ada', COMPANY_ID: 1, EMAIL: 'ada@example.com' }),
		]);
	});
});
