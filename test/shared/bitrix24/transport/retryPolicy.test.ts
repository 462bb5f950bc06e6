import {
	backoffMs,
	DEFAULT_RETRY,
	isReadMethod,
	networkErrorWasNotSent,
} from '../../../../nodes/shared/bitrix24/transport/retryPolicy';

describe('retry policy', () => {
	it.each([
		'crm.lead.list',
		'crm.lead.get',
		'crm.lead.fields',
		'user.current',
		'CRM.DEAL.LIST',
		'profile',
	])('%s is a read', (method) => expect(isReadMethod(method)).toBe(true));

	it.each(['crm.lead.add', 'crm.lead.update', 'crm.lead.delete', 'im.message.add', 'batch'])(
		'%s is not a read',
		(method) => expect(isReadMethod(method)).toBe(false),
	);

	it('knows which connection errors prove nothing was sent', () => {
		expect(networkErrorWasNotSent('ECONNREFUSED')).toBe(true);
		expect(networkErrorWasNotSent('ECONNRESET')).toBe(false);
		expect(networkErrorWasNotSent('ETIMEDOUT')).toBe(false);
	});

	it('backs off exponentially with jitter, capped', () => {
		expect(backoffMs(0, DEFAULT_RETRY, () => 0.5)).toBe(1000);
		expect(backoffMs(3, DEFAULT_RETRY, () => 0.5)).toBe(8000);
		expect(backoffMs(20, DEFAULT_RETRY, () => 0.5)).toBe(30000);
		expect(backoffMs(1, DEFAULT_RETRY, () => 0)).toBe(1000);
		expect(backoffMs(1, DEFAULT_RETRY, () => 0.999)).toBe(2998);
	});
});
