import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	lead: 'create' | 'delete' | 'get' | 'getAll' | 'update';
	method: 'call';
};

export type Bitrix24Type = AllEntities<NodeMap>;
