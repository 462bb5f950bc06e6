import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { runEachItem } from './items';

/*
 * A node built from a list of resources, each with its operations, for any client: the Resource
 * parameter, every operation's parameters (shown for their resource and operation), and a router
 * that opens the client once and runs the chosen operation. Nothing here knows a service.
 */

export interface Operation<C> {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, client: C): Promise<INodeExecutionData[]>;
}

/** A resource folder's `<Resource>.resource.ts`: its operations by value, and all their parameters. */
export type ResourceModule<C> = { description: INodeProperties[] } & Record<
	string,
	Operation<C> | INodeProperties[]
>;

export interface Resource<C> {
	name: string;
	value: string;
	description?: string;
	module: ResourceModule<C>;
}

export function resourceNode<C>(
	resources: Array<Resource<C>>,
	{
		defaultResource,
		open,
	}: { defaultResource: string; open: (ctx: IExecuteFunctions) => Promise<C> },
) {
	const resourceProperty: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ name, value, description }) => ({ name, value, description })),
		default: defaultResource,
	};

	function operationOf(resource: string, operation: string): Operation<C> | undefined {
		const found = resources.find((candidate) => candidate.value === resource)?.module[operation];
		return found && !Array.isArray(found) ? (found as Operation<C>) : undefined;
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
		return [await run.execute.call(this, await open(this))];
	}

	return {
		properties: [resourceProperty, ...resources.flatMap((resource) => resource.module.description)],
		operationOf,
		router,
	};
}

/** The Operation selector of a resource; the first option is the default. */
export function operationSelector(
	resource: string,
	options: Array<{ name: string; value: string; description: string; action: string }>,
): INodeProperties {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: '',
	};
	selector.default = options[0].value;
	return selector;
}

/**
 * An operation that handles each input item on its own: `run` gets the client and the item and
 * returns the output item(s), JSON and binary, paired with the input.
 */
export function itemOperation<C>(spec: {
	resource: string;
	operation: string;
	properties: INodeProperties[];
	run(
		ctx: IExecuteFunctions,
		client: C,
		itemIndex: number,
		item: INodeExecutionData,
	): Promise<INodeExecutionData | INodeExecutionData[]>;
}): Operation<C> {
	return {
		description: updateDisplayOptions(
			{ show: { resource: [spec.resource], operation: [spec.operation] } },
			spec.properties,
		),
		async execute(this: IExecuteFunctions, client: C) {
			return await runEachItem(this, async (itemIndex, item) =>
				spec.run(this, client, itemIndex, item),
			);
		},
	};
}
