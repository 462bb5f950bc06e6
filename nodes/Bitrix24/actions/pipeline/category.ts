import type { IDataObject } from 'n8n-workflow';

/** Deal pipelines are `crm.category.*` with entityTypeId 2. */
export const DEALS = { entityTypeId: 2 };

export const category = (result: unknown) =>
	((result as IDataObject).category ?? result) as IDataObject;
