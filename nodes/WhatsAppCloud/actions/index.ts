import { resourceNode, type Resource } from '../../shared/n8n/resources';
import { graphClient, type GraphClient } from '../../shared/whatsapp/transport';
import * as media from './media/Media.resource';
import * as message from './message/Message.resource';
import * as template from './template/Template.resource';

/** Every resource of the node: the Resource options and the router are built from this list. */
export const RESOURCES: Array<Resource<GraphClient>> = [
	{
		name: 'Message',
		value: 'message',
		description: 'Send messages, mark them as read',
		module: message,
	},
	{
		name: 'Media',
		value: 'media',
		description: 'Upload, download and delete files',
		module: media,
	},
	{
		name: 'Template',
		value: 'template',
		description: 'Message templates of the account',
		module: template,
	},
];

export const {
	properties: resourceProperties,
	operationOf,
	router,
} = resourceNode(RESOURCES, {
	defaultResource: 'message',
	open: async (ctx) => await graphClient(ctx),
});
