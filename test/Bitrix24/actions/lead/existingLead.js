// A sandbox portal holding one lead with two phones and an email, for the get/update/delete tests.
const { startPortal } = require('../../../helpers/bitrix24');

const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });

async function portalWithOneLead() {
	const portal = await startPortal();
	portal.seedLeads(1, () => ({
		TITLE: 'Existing',
		NAME: 'Ann',
		PHONE: [
			{ VALUE: '+1 555 0001', VALUE_TYPE: 'WORK' },
			{ VALUE: '+1 555 0002', VALUE_TYPE: 'MOBILE' },
		],
		EMAIL: [{ VALUE: 'ann@example.com', VALUE_TYPE: 'WORK' }],
	}));
	return { portal, leadId: Number(portal.leads()[0].ID) };
}

module.exports = { portalWithOneLead, byId };
