import type { AllEntities } from 'n8n-workflow';

type CrmOperation = 'create' | 'delete' | 'get' | 'getAll' | 'update' | 'upsert';

type NodeMap = {
	activity: 'complete' | 'create' | 'createTodo' | 'getAll';
	batch: 'run';
	calendarEvent: 'create' | 'delete' | 'get' | 'getAll' | 'update';
	company: CrmOperation;
	contact: CrmOperation;
	contactLink: 'add' | 'getAll' | 'remove';
	customField: 'create' | 'delete' | 'getAll' | 'update';
	deal: CrmOperation | 'moveToPipeline' | 'moveToStage';
	department: 'create' | 'get' | 'getAll' | 'update';
	diskFile: 'delete' | 'download' | 'get' | 'getAll' | 'upload';
	duplicate: 'find';
	item:
		| 'create'
		| 'delete'
		| 'get'
		| 'getAll'
		| 'moveToPipeline'
		| 'moveToStage'
		| 'update'
		| 'upsert';
	lead: CrmOperation | 'moveToStage';
	message: 'notify' | 'send';
	method: 'call';
	pipeline: 'create' | 'delete' | 'get' | 'getAll' | 'update';
	productRow: 'get' | 'set';
	stage: 'create' | 'delete' | 'get' | 'getAll' | 'update';
	task:
		| 'complete'
		| 'create'
		| 'defer'
		| 'delegate'
		| 'delete'
		| 'get'
		| 'getAll'
		| 'renew'
		| 'start'
		| 'update';
	taskChecklistItem: 'complete' | 'create' | 'delete' | 'getAll';
	taskComment: 'create' | 'delete' | 'getAll';
	taskElapsedTime: 'create' | 'getAll';
	timelineComment: 'create' | 'delete' | 'getAll' | 'update';
	user: 'findByEmail' | 'findByPhone' | 'get' | 'getAll' | 'getCurrent';
};

export type Bitrix24Type = AllEntities<NodeMap>;
