'use strict';
/** Node-type registry (n8n's INodeTypes) plus the runner's built-in start nodes. */
const { workflow: n8n } = require('./n8n-runtime');

const { NodeHelpers, isNodeClassInstance, UnexpectedError, jsonParse, NodeOperationError } = n8n;

const TEST_ITEMS_TYPE = 'test.items';
const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';

/**
 * "Test Items": a start node (no inputs) that emits its `items` parameter as output items.
 * `items` is a JSON string or an array; each element becomes one item's `json`.
 */
class TestItemsNode {
	constructor() {
		/** @type {import('n8n-workflow').INodeTypeDescription} */
		this.description = {
			displayName: 'Test Items',
			name: TEST_ITEMS_TYPE,
			group: ['trigger'],
			version: 1,
			description: 'Emits the given items (test runner start node)',
			defaults: { name: 'Test Items' },
			inputs: [],
			outputs: ['main'],
			properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
		};
	}

	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		// rawExpressions: item payloads are data, never expressions to evaluate.
		const raw = this.getNodeParameter('items', 0, '[]', { rawExpressions: true });
		let items = typeof raw === 'string' ? jsonParse(raw) : raw;
		if (!Array.isArray(items)) items = [items];
		for (const json of items) {
			if (json === null || typeof json !== 'object' || Array.isArray(json)) {
				throw new NodeOperationError(
					this.getNode(),
					'Every element of "items" must be a JSON object',
				);
			}
		}
		return [items.map((json) => ({ json: structuredClone(json), pairedItem: { item: 0 } }))];
	}
}

/** Stand-in for n8n's Manual Trigger so workflows exported from n8n run unchanged. */
class ManualTriggerNode {
	constructor() {
		this.description = {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Runs the flow (test runner stand-in)',
			defaults: { name: "When clicking 'Execute workflow'" },
			inputs: [],
			outputs: ['main'],
			properties: [],
		};
	}

	async execute() {
		return [[{ json: {}, pairedItem: { item: 0 } }]];
	}
}

const START_NODE_TYPES = [TEST_ITEMS_TYPE, MANUAL_TRIGGER_TYPE];

/**
 * @typedef {new () => (import('n8n-workflow').INodeType | import('n8n-workflow').IVersionedNodeType)} NodeTypeClass
 */

/**
 * INodeTypes over a fixed map of type name → node type. Every `execute` it hands out is
 * wrapped to remember the error instance a node throws: n8n-core keeps only a spread copy
 * (`{ ...error, message, stack }`) in the run data, losing the class.
 */
class TestNodeTypes {
	/** @param {Record<string, NodeTypeClass | object>} types */
	constructor(types) {
		/** @type {Map<string, object>} */
		this.types = new Map();
		/** @type {Map<string, unknown>} node name → last error its execute() threw */
		this.thrownErrors = new Map();
		this.wrapped = new Map();
		const all = {
			[TEST_ITEMS_TYPE]: TestItemsNode,
			[MANUAL_TRIGGER_TYPE]: ManualTriggerNode,
			...types,
		};
		for (const [name, type] of Object.entries(all)) {
			this.types.set(name, typeof type === 'function' ? new type() : type);
		}
	}

	getByName(nodeType) {
		return this.types.get(nodeType);
	}

	getByNameAndVersion(nodeType, version) {
		const type = this.types.get(nodeType);
		if (!type) {
			throw new UnexpectedError(
				`Unknown node type "${nodeType}": pass it in runWorkflow({ nodeTypes })`,
			);
		}
		const versioned = NodeHelpers.getVersionedNodeType(type, version);
		let wrapped = this.wrapped.get(versioned);
		if (!wrapped) {
			wrapped = this.observeErrors(versioned);
			this.wrapped.set(versioned, wrapped);
		}
		return wrapped;
	}

	getKnownTypes() {
		return {};
	}

	/** @param {import('n8n-workflow').INodeType} nodeType */
	observeErrors(nodeType) {
		if (typeof nodeType.execute !== 'function') return nodeType;
		const original = nodeType.execute;
		const classStyle = isNodeClassInstance(nodeType);
		const thrownErrors = this.thrownErrors;
		const wrapper = Object.create(nodeType);
		wrapper.execute = async function (...args) {
			const context = classStyle ? args[0] : this;
			try {
				return await original.apply(this, args);
			} catch (error) {
				thrownErrors.set(context.getNode().name, error);
				throw error;
			}
		};
		return wrapper;
	}
}

module.exports = {
	TestNodeTypes,
	TestItemsNode,
	ManualTriggerNode,
	START_NODE_TYPES,
	TEST_ITEMS_TYPE,
};
