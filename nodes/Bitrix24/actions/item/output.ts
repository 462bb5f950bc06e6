import type { IDataObject } from 'n8n-workflow';

export const unwrap = (result: unknown) => ((result as IDataObject).item ?? result) as IDataObject;
