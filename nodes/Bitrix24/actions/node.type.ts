import type { AllEntities } from 'n8n-workflow';

type CrmOperation = 'create' | 'delete' | 'get' | 'getAll' | 'update' | 'upsert';

type NodeMap = {
	company: CrmOperation;
	contact: CrmOperation;
	contactLink: 'add' | 'getAll' | 'remove';
	deal: CrmOperation | 'moveToPipeline' | 'moveToStage';
	duplicate: 'find';
	lead: CrmOperation | 'moveToStage';
	method: 'call';
	productRow: 'get' | 'set';
	timelineComment: 'create' | 'delete' | 'getAll' | 'update';
};

export type Bitrix24Type = AllEntities<NodeMap>;
