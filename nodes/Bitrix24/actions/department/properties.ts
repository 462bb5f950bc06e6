export const departmentId = {
	displayName: 'Department ID',
	name: 'departmentId',
	type: 'string' as const,
	default: '',
	required: true,
};

export const fields = {
	displayName: 'Fields',
	name: 'departmentFields',
	type: 'collection' as const,
	placeholder: 'Add Field',
	default: {},
	options: [
		{ displayName: 'Head (User ID)', name: 'UF_HEAD', type: 'string' as const, default: '' },
		{ displayName: 'Parent Department ID', name: 'PARENT', type: 'string' as const, default: '' },
		{ displayName: 'Sort', name: 'SORT', type: 'number' as const, default: 500 },
	],
};
