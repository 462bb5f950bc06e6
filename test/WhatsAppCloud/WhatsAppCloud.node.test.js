// The node's shape: every offered operation runs, one file per operation named after its value.
const fs = require('node:fs');
const path = require('node:path');
const { WhatsAppCloud } = require('../../nodes/WhatsAppCloud/WhatsAppCloud.node');
const { RESOURCES, operationOf } = require('../../nodes/WhatsAppCloud/actions');

const description = new WhatsAppCloud().description;

test('usable as a tool, one credential, tested by its own test', () => {
	expect(description.usableAsTool).toBe(true);
	expect(description.credentials).toEqual([
		{ name: 'whatsAppCloudApi', required: true, testedBy: 'whatsAppCloudApiTest' },
	]);
	expect(typeof new WhatsAppCloud().methods.credentialTest.whatsAppCloudApiTest).toBe('function');
});

test('every operation in a selector is routed, and lives in <resource>/<operation>.operation.ts', () => {
	const offered = [];
	for (const resource of RESOURCES) {
		const selector = description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes(resource.value),
		);
		for (const { value } of selector.options) {
			offered.push(`${resource.value}.${value}`);
			expect(operationOf(resource.value, value)).toBeDefined();
			const file = path.join(
				__dirname,
				'../../nodes/WhatsAppCloud/actions',
				resource.value,
				`${value}.operation.ts`,
			);
			expect(fs.existsSync(file)).toBe(true);
		}
	}
	expect(offered.sort()).toEqual([
		'media.delete',
		'media.download',
		'media.upload',
		'message.markAsRead',
		'message.sendContacts',
		'message.sendConversation',
		'message.sendInteractive',
		'message.sendLocation',
		'message.sendMedia',
		'message.sendReaction',
		'message.sendTemplate',
		'message.sendText',
		'template.create',
		'template.delete',
		'template.get',
		'template.getAll',
	]);
});
