import type { IDataObject } from 'n8n-workflow';

export const TEMPLATE_FIELDS = 'id,name,language,status,category,components,parameter_format';

/** A template as the operations output it. */
export function templateOutput(template: IDataObject): IDataObject {
	return {
		id: template.id,
		name: template.name,
		language: template.language,
		status: template.status,
		category: template.category,
		...(template.parameter_format ? { parameterFormat: template.parameter_format } : {}),
		components: template.components ?? [],
	};
}
