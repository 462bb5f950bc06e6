'use strict';
/**
 * Credential types, an in-memory credential store and a CredentialsHelper that behaves
 * like n8n's (packages/cli/src/credentials-helper.ts) minus the database, encryption,
 * external secrets and dynamic credentials.
 */
const { core, workflow: n8n } = require('./n8n-runtime');

const {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	UnexpectedError,
	UserError,
	isExpression,
} = n8n;

/**
 * Minimal `oAuth2Api` base type, shaped like n8n-nodes-base's OAuth2Api, so package
 * credentials can `extends: ['oAuth2Api']` without n8n-nodes-base installed.
 * @type {import('n8n-workflow').ICredentialType}
 */
class OAuth2Api {
	constructor() {
		this.name = 'oAuth2Api';
		this.displayName = 'OAuth2 API';
		this.genericAuth = true;
		const codeFlow = { show: { grantType: ['authorizationCode', 'pkce'] } };
		this.properties = [
			{
				displayName: 'Grant Type',
				name: 'grantType',
				type: 'options',
				options: [
					{ name: 'Authorization Code', value: 'authorizationCode' },
					{ name: 'Client Credentials', value: 'clientCredentials' },
					{ name: 'PKCE', value: 'pkce' },
				],
				default: 'authorizationCode',
			},
			{
				displayName: 'Authorization URL',
				name: 'authUrl',
				type: 'string',
				displayOptions: codeFlow,
				default: '',
				required: true,
			},
			{
				displayName: 'Access Token URL',
				name: 'accessTokenUrl',
				type: 'string',
				default: '',
				required: true,
			},
			{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true },
			{
				displayName: 'Client Secret',
				name: 'clientSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
			},
			{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
			{
				displayName: 'Auth URI Query Parameters',
				name: 'authQueryParameters',
				type: 'string',
				displayOptions: codeFlow,
				default: '',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'Body', value: 'body' },
					{ name: 'Header', value: 'header' },
				],
				default: 'header',
			},
			{
				displayName: 'Ignore SSL Issues (Insecure)',
				name: 'ignoreSSLIssues',
				type: 'boolean',
				default: false,
				doNotInherit: true,
			},
		];
	}
}

/** Registry of credential types (n8n's ICredentialTypes). */
class TestCredentialTypes {
	/** @param {Array<(new () => import('n8n-workflow').ICredentialType) | import('n8n-workflow').ICredentialType>} types */
	constructor(types = []) {
		/** @type {Map<string, import('n8n-workflow').ICredentialType>} */
		this.types = new Map();
		for (const type of [OAuth2Api, ...types]) {
			const instance = typeof type === 'function' ? new type() : type;
			this.types.set(instance.name, instance);
		}
	}

	recognizes(name) {
		return this.types.has(name);
	}

	getByName(name) {
		const type = this.types.get(name);
		if (!type)
			throw new UnexpectedError(`Unknown credential type "${name}": pass it in credentialTypes`);
		return type;
	}

	/** All ancestors along `extends`, nearest first (same order as n8n's CredentialTypes). */
	getParentTypes(name) {
		const parents = [...(this.types.get(name)?.extends ?? [])];
		for (const parent of [...parents]) parents.push(...this.getParentTypes(parent));
		return parents;
	}
}

/**
 * @typedef {{ id?: string, name?: string, data: Record<string, unknown> }} StoredCredential
 * @typedef {Record<string, StoredCredential | StoredCredential[]>} CredentialMap
 *   credential type → credential (or several, told apart by `id`)
 */

/** Live, in-memory stand-in for n8n's credentials table (what tests read back). */
class CredentialStore {
	/** @param {CredentialMap} credentials copied, so the caller's object is never mutated */
	constructor(credentials = {}) {
		/** @type {CredentialMap} */
		this.credentials = structuredClone(credentials);
	}

	/**
	 * @param {import('n8n-workflow').INodeCredentialsDetails} nodeCredentials
	 * @param {string} type
	 * @returns {StoredCredential}
	 */
	find(nodeCredentials, type) {
		const entry = this.credentials[type];
		const list = Array.isArray(entry) ? entry : entry ? [entry] : [];
		const id = nodeCredentials?.id;
		const found = list.find((c) => id == null || c.id == null || String(c.id) === String(id));
		if (!found) {
			throw new UserError(`Credential with ID "${id}" does not exist for type "${type}".`);
		}
		found.data ??= {};
		return found;
	}
}

/** ICredentials over the store: n8n's Credentials without the encryption. */
class MemoryCredentials extends ICredentials {
	async getData() {
		return structuredClone(this.data);
	}

	async setData(data) {
		this.data = structuredClone(data);
	}

	async updateData(toUpdate, toDelete = []) {
		const data = { ...this.data, ...structuredClone(toUpdate) };
		for (const key of toDelete) delete data[key];
		this.data = data;
	}

	getDataToSave() {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}
}

/** Hidden OAuth endpoint/flow fields owned by the credential type, not the stored data (as in n8n). */
const OAUTH_PINNED_FIELDS = [
	'authUrl',
	'accessTokenUrl',
	'grantType',
	'authentication',
	'requestTokenUrl',
	'signatureMethod',
];

const mockNode = {
	id: 'credential-mock',
	name: '',
	type: 'mock',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const mockNodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
};

class TestCredentialsHelper extends ICredentialsHelper {
	/**
	 * @param {TestCredentialTypes} credentialTypes
	 * @param {CredentialStore} store
	 * @param {Record<string, Record<string, unknown>>} [overwrites] like N8N_CREDENTIALS_OVERWRITE_DATA:
	 *   credential type → values used where the stored value is empty (parents' apply to children)
	 */
	constructor(credentialTypes, store, overwrites = {}) {
		super();
		this.credentialTypes = credentialTypes;
		this.store = store;
		this.overwrites = overwrites;
	}

	/** n8n's CredentialsOverwrites.applyOverwrite: fills only null / undefined / '' values. */
	applyOverwrite(type, data) {
		const chain = [type, ...this.credentialTypes.getParentTypes(type)].reverse();
		const overwrites = Object.assign({}, ...chain.map((t) => this.overwrites[t] ?? {}));
		const result = { ...data };
		for (const [key, value] of Object.entries(overwrites)) {
			if ([null, undefined, ''].includes(result[key])) result[key] = structuredClone(value);
		}
		return result;
	}

	getParentTypes(name) {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType, nodeType) {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		const def = this.credentialTypes.getByName(credentialType);
		if (!def.restrictToSupportedNodes) return true;
		const shortName = nodeType.split('.').pop();
		return (def.supportedNodes ?? []).some((n) => n === nodeType || n === shortName);
	}

	/** Own + inherited properties; parents first, the type's own properties win. */
	getCredentialsProperties(type) {
		const def = this.credentialTypes.getByName(type);
		if (def.extends === undefined) {
			if (type === 'oAuth1Api' || type === 'oAuth2Api') {
				return [
					...def.properties,
					{
						displayName: 'oauthTokenData',
						name: 'oauthTokenData',
						type: 'json',
						required: false,
						default: {},
					},
				];
			}
			return def.properties;
		}
		const combined = [];
		for (const parent of def.extends)
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		NodeHelpers.mergeNodeProperties(combined, def.properties);
		return combined;
	}

	async getCredentials(nodeCredentials, type) {
		const stored = this.store.find(nodeCredentials, type);
		return new MemoryCredentials(
			{ id: stored.id ?? null, name: stored.name ?? type },
			type,
			structuredClone(stored.data),
		);
	}

	/**
	 * Stored data + defaults of all properties, with `={{ }}` expressions resolved
	 * (`$self` is the credential data). `raw` returns the stored data untouched.
	 */
	async getDecrypted(
		additionalData,
		nodeCredentials,
		type,
		mode,
		executeData,
		raw,
		expressionResolveValues,
	) {
		const original = structuredClone(this.store.find(nodeCredentials, type).data);
		if (raw === true) return original;
		return this.applyDefaults(
			additionalData,
			original,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	applyDefaults(additionalData, original, type, mode, executeData, expressionResolveValues) {
		const properties = this.getCredentialsProperties(type);
		const stored = { ...original };
		for (const field of OAUTH_PINNED_FIELDS) {
			if (properties.some((p) => p.name === field && p.type === 'hidden')) delete stored[field];
		}
		let data = NodeHelpers.getNodeParameters(
			properties,
			this.applyOverwrite(type, stored),
			true,
			false,
			null,
			null,
		);
		// oauthTokenData (and the domain allow-lists) are not declared properties: carry them over.
		if (original.oauthTokenData !== undefined) data.oauthTokenData = original.oauthTokenData;
		for (const key of ['allowedHttpRequestDomains', 'allowedDomains']) {
			if (original[key] !== undefined && data[key] === undefined) data[key] = original[key];
		}

		const additionalKeys = core.getAdditionalKeys(additionalData, mode, null, {
			isCredential: true,
		});
		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } =
				expressionResolveValues;
			try {
				data = workflow.expression.getParameterValue(
					data,
					runExecutionData,
					runIndex,
					itemIndex,
					node.name,
					connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					data,
				);
			} catch (error) {
				error.message += ' [Error resolving credentials]';
				throw error;
			}
		} else {
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			data = workflow.expression.getComplexParameterValue(
				mockNode,
				data,
				mode,
				additionalKeys,
				undefined,
				undefined,
				data,
			);
		}
		return data;
	}

	/** Function-style `authenticate(credentials, requestOptions)` or generic `{ type: 'generic', properties }`. */
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (typeof authenticate === 'object' && authenticate.type === 'generic') {
			if (!workflow || !node)
				throw new UnexpectedError(
					'Workflow and node are required for declarative credential authentication',
				);
			requestOptions.headers ??= {};
			const resolve = (value) =>
				this.resolveValue(value, { $credentials: credentials }, workflow, node);
			for (const [target, entries] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(entries)) {
					requestOptions[target] ??= {};
					requestOptions[target][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions;
	}

	resolveValue(value, additionalKeys, workflow, node) {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		return resolved ? resolved.toString() : '';
	}

	/**
	 * Runs the type's `preAuthentication` when its expirable hidden property is empty or the
	 * credentials expired, then persists the refreshed value (as n8n does).
	 */
	async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
		const def = this.credentialTypes.getByName(typeName);
		const expirable = def.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof def.preAuthentication !== 'function') return undefined;
		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials)
			return undefined;

		const output = await def.preAuthentication.call(helpers, credentials);
		if (output?.[expirable.name] === undefined) return undefined;
		if (node?.credentials) {
			const nodeCredentials = node.credentials[def.name];
			const stored = this.store.find(nodeCredentials, def.name).data;
			const toPersist = { ...stored };
			for (const [key, value] of Object.entries(output)) {
				if (key === expirable.name || !isExpression(stored[key])) toPersist[key] = value;
			}
			await this.updateCredentials(nodeCredentials, def.name, toPersist);
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	/** In-memory `preAuthentication` (no guard, no persistence), used by requestOAuth2 on every request. */
	async runPreAuthentication(helpers, credentials, typeName) {
		const def = this.credentialTypes.getByName(typeName);
		if (typeof def.preAuthentication !== 'function') return undefined;
		return (await def.preAuthentication.call(helpers, credentials)) ?? undefined;
	}

	async updateCredentials(nodeCredentials, type, data) {
		this.store.find(nodeCredentials, type).data = structuredClone(data);
	}

	/** Persists only `oauthTokenData`, like n8n (the rest of `data` is the decrypted view). */
	async updateCredentialsOauthTokenData(nodeCredentials, type, data) {
		const stored = this.store.find(nodeCredentials, type);
		stored.data = { ...stored.data, oauthTokenData: structuredClone(data.oauthTokenData) };
	}
}

module.exports = { TestCredentialTypes, CredentialStore, TestCredentialsHelper, OAuth2Api };
