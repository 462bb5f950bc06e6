import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bitrix24Client, type Bitrix24Client } from './client';
import type { CredentialType } from './transport';

/** One operation: its parameters, and what it does with the input items. */
export interface Operation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		client: Bitrix24Client,
	): Promise<INodeExecutionData[]>;
}

/** A resource folder's `<Resource>.resource.ts`: its operations by value, and all their parameters. */
export type ResourceModule = { description: INodeProperties[] } & Record<
	string,
	Operation | INodeProperties[]
>;

export interface Resource {
	name: string;
	value: string;
	description?: string;
	module: ResourceModule;
}

/**
 * What a node builds from its list of resources: the Resource parameter, every operation's
 * parameters, and the router that runs the chosen operation with one client.
 */
export function resourceNode(
	resources: Resource[],
	{ defaultResource, accepts }: { defaultResource: string; accepts?: readonly CredentialType[] },
) {
	const resourceProperty: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ name, value, description }) => ({ name, value, description })),
		default: defaultResource,
	};

	function operationOf(resource: string, operation: string): Operation | undefined {
		const found = resources.find((candidate) => candidate.value === resource)?.module[operation];
		return found && !Array.isArray(found) ? found : undefined;
	}

	async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = operationOf(resource, operation);
		if (!run) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of resource "${resource}" is not supported`,
			);
		}
		const client = await bitrix24Client(this, accepts);
		return [await run.execute.call(this, this.getInputData(), client)];
	}

	return {
		/** The Resource parameter, then every operation selector and operation parameter. */
		properties: [resourceProperty, ...resources.flatMap((resource) => resource.module.description)],
		operationOf,
		router,
	};
}
