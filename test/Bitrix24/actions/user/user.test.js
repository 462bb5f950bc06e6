const { startPortal, runBitrix24 } = require('../../../helpers/bitrix24');

describe('User → Get, Get Current, Get Many, Find by Email, Find by Phone', () => {
	let portal;
	beforeEach(async () => {
		portal = await startPortal();
		portal.seedUsers(60, (i) => ({
			NAME: `Person${i}`,
			LAST_NAME: 'Sample',
			EMAIL: `person${i}@example.com`,
			WORK_POSITION: i % 2 ? 'Engineer' : 'Sales',
			PERSONAL_MOBILE: `+1 (555) 01${String(i).padStart(2, '0')}`,
		}));
	});
	afterEach(async () => {
		await portal.stop();
	});

	it('gets users ready for a user sync, one item per user, all pages', async () => {
		const { output, error } = await runBitrix24(portal, {
			parameters: { resource: 'user', operation: 'getAll', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(62);
		const person = output.find((item) => item.json.email === 'person3@example.com').json;
		expect(person).toEqual({
			id: expect.any(Number),
			name: 'Person3 Sample',
			firstName: 'Person3',
			lastName: 'Sample',
			email: 'person3@example.com',
			position: 'Engineer',
			phones: ['+1 (555) 0103'],
			departments: [1],
			active: true,
		});
	});

	it('gets one user and the current user, and names a user that does not exist', async () => {
		const current = await runBitrix24(portal, {
			parameters: { resource: 'user', operation: 'getCurrent' },
		});
		expect(current.output[0].json).toMatchObject({ id: 1, name: 'Sandbox Admin' });
		const { output } = await runBitrix24(portal, {
			items: [{ id: 2 }, { id: 999 }],
			parameters: { resource: 'user', operation: 'get', userId: '={{ $json.id }}' },
			continueOnFail: true,
		});
		expect(output[0].json).toMatchObject({ id: 2, name: 'Sam Manager' });
		expect(output[1].json.error).toBe('User 999 does not exist');
	});

	it('finds users by email (any case) and by phone digits, or says not found', async () => {
		const byEmail = await runBitrix24(portal, {
			items: [{ v: 'PERSON7@example.com' }, { v: 'nobody@example.com' }],
			parameters: { resource: 'user', operation: 'findByEmail', lookFor: '={{ $json.v }}' },
		});
		expect(byEmail.output.map((item) => item.json.email ?? item.json.found)).toEqual([
			'person7@example.com',
			false,
		]);
		const byPhone = await runBitrix24(portal, {
			parameters: { resource: 'user', operation: 'findByPhone', lookFor: '15550112' },
		});
		expect(byPhone.output.map((item) => item.json.email)).toEqual(['person12@example.com']);
	});

	it('finds a user by a national number with the Default Country Code', async () => {
		portal.seedUsers(1, () => ({
			NAME: 'Klaus',
			EMAIL: 'klaus@example.com',
			WORK_PHONE: '+49 30 1234567',
		}));
		const { output } = await runBitrix24(portal, {
			items: [{ country: '49' }, { country: '' }],
			parameters: {
				resource: 'user',
				operation: 'findByPhone',
				lookFor: '030 1234567',
				defaultCountryCode: '={{ $json.country }}',
			},
		});
		expect(output.map((item) => item.json.email ?? item.json.found)).toEqual([
			'klaus@example.com',
			false,
		]);
	});

	it('searches users by words', async () => {
		const { output } = await runBitrix24(portal, {
			parameters: {
				resource: 'user',
				operation: 'getAll',
				returnAll: true,
				userFilters: { search: 'Person59' },
			},
		});
		expect(output.map((item) => item.json.email)).toEqual(['person59@example.com']);
	});
});
