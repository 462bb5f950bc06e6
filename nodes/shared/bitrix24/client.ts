import type { IDataObject } from 'n8n-workflow';

import type {
	BatchOptions,
	Bitrix24Context,
	Command,
	CommandResult,
	CredentialType,
	DownloadedFile,
	Envelope,
	ItemCall,
	ItemResult,
	ListRequest,
	Session,
} from './transport';
import {
	apiBatch,
	apiRequest,
	commandError,
	downloadFile,
	exportAll,
	isReadMethod,
	listByOffset,
	openSession,
	remainingPages,
	runItemCalls,
} from './transport';

/**
 * One portal, for one run of a node: the credential is read once, and every request goes through
 * the transport's limits (pacing, method time, safe retries, batching).
 */
export class Bitrix24Client {
	constructor(private readonly session: Session) {}

	/** The portal's address, e.g. `https://acme.bitrix24.com`, for links to records. */
	get portal(): string {
		return this.session.connection.portalKey;
	}

	get credentialType(): CredentialType {
		return this.session.connection.credentialType;
	}

	/** One REST call; throws a NodeApiError naming the item, when given. */
	async call(method: string, params: IDataObject = {}, itemIndex?: number): Promise<Envelope> {
		return await apiRequest(this.session, method, params, itemIndex);
	}

	/** Named commands, 50 per `batch` request; each command's result by its key. */
	async batch(commands: Command[], options?: BatchOptions): Promise<Map<string, CommandResult>> {
		return await apiBatch(this.session, commands, options);
	}

	/**
	 * Item-level batching: one call per input item, 50 per request, results mapped back. The
	 * calls may be produced while earlier requests are out (an async iterable): the next request
	 * is prepared while the rate limit holds the current one.
	 */
	async items(
		calls: Iterable<ItemCall> | AsyncIterable<ItemCall>,
		options?: { stopOnFailure?: boolean },
	): Promise<ItemResult[]> {
		return await runItemCalls(this.session, calls, options);
	}

	/** Whether a REST method only reads (and may be repeated, or sent beside others). */
	isRead(method: string): boolean {
		return isReadMethod(method);
	}

	/** Every row of a list in a custom order: `next` paging, then the rest 50 pages per batch. */
	async list(request: ListRequest): Promise<IDataObject[]> {
		return await listByOffset(this.session, request);
	}

	/** The pages after a first page already read. */
	async remainingPages(
		first: Envelope,
		request: ListRequest,
		alreadyRead: number,
	): Promise<IDataObject[]> {
		return await remainingPages(this.session, first, request, alreadyRead);
	}

	/** Every row in ID order by the fast export (`start=-1`, `>ID`, pages chained in batches). */
	async export(request: ListRequest): Promise<IDataObject[]> {
		return await exportAll(this.session, request);
	}

	/** A file at an address on the portal, into memory. */
	async download(
		url: string,
		options: { itemIndex: number; what?: string; maxBytes?: number },
	): Promise<DownloadedFile> {
		return await downloadFile(this.session, url, options);
	}

	/** The NodeApiError for a failed command, naming the item it was made for. */
	error(result: CommandResult, itemIndex?: number) {
		return commandError(this.session.ctx, result, itemIndex);
	}
}

/**
 * The credential type the node's Authentication parameter picks, among those the node accepts (a
 * node that accepts one type needs no Authentication parameter).
 */
export function credentialTypeOf(
	ctx: Bitrix24Context,
	accepts: readonly CredentialType[],
): CredentialType {
	if (accepts.length === 1) return accepts[0];
	let mode: unknown;
	try {
		mode = ctx.getNodeParameter('authentication', 0, 'webhook');
	} catch {
		mode = 'webhook';
	}
	return mode === 'oAuth2' ? 'bitrix24OAuth2Api' : 'bitrix24WebhookApi';
}

/**
 * The client for the credential the node's Authentication picks (or the only type it accepts).
 * Nodes open one per execution and pass it down.
 */
export async function bitrix24Client(
	ctx: Bitrix24Context,
	accepts: readonly CredentialType[] = ['bitrix24WebhookApi', 'bitrix24OAuth2Api'],
): Promise<Bitrix24Client> {
	return new Bitrix24Client(await openSession(ctx, credentialTypeOf(ctx, accepts)));
}
