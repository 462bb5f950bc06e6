import type { INodeProperties } from 'n8n-workflow';

export const pipelineId: INodeProperties = {
	displayName: 'Pipeline ID',
	name: 'pipelineId',
	type: 'string',
	default: '',
	required: true,
	description: 'ID of the deal pipeline (0 is the default one)',
};

export const name: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
};

export const sort: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'number',
	default: 500,
	description: 'Position among the pipelines',
};
