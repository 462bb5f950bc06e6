import type { AllEntities } from 'n8n-workflow';

type CrmOperation = 'create' | 'delete' | 'get' | 'getAll' | 'update' | 'upsert';

type NodeMap = {
	company: CrmOperation;
	contact: CrmOperation;
	deal: CrmOperation | 'moveToPipeline' | 'moveToStage';
	lead: CrmOperation | 'moveToStage';
	method: 'call';
};

export type Bitrix24Type = AllEntities<NodeMap>;
