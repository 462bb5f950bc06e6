import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { rowsOf } from '../shared/bitrix24/transport';
import type { Cursor } from './cursor';
import type { Bitrix24Client } from '../shared/bitrix24/client';

/** Users: new ones only, by ID (user.get takes FILTER/sort/order, and has no modification time). */
export async function pollUsers(
	ctx: IPollFunctions,
	client: Bitrix24Client,
	mode: 'created' | 'createdOrUpdated',
): Promise<INodeExecutionData[][] | null> {
	if (mode !== 'created') {
		throw new NodeOperationError(ctx.getNode(), 'Users can only be watched for new ones', {
			description:
				'Set "Trigger On" to "New Records": Bitrix24 keeps no modification time for users.',
		});
	}
	const newest = async () =>
		rowsOf((await client.call('user.get', { sort: 'ID', order: 'DESC' })).result)[0];
	if (ctx.getMode() === 'manual') {
		const latest = await newest();
		return latest ? [ctx.helpers.returnJsonArray([latest])] : null;
	}
	const state = ctx.getWorkflowStaticData('node') as { cursor?: Cursor; key?: string };
	if (!state.cursor || state.key !== 'user') {
		state.key = 'user';
		const includeExisting = ctx.getNodeParameter('includeExisting', false) as boolean;
		state.cursor = { lastId: includeExisting ? 0 : Number((await newest())?.ID ?? 0) };
		if (!includeExisting) return null;
	}
	const lastId = state.cursor.lastId ?? 0;
	const users = await client.list({
		method: 'user.get',
		params: { FILTER: { '>ID': lastId }, sort: 'ID', order: 'ASC' },
	});
	const fresh = users.filter((user) => Number(user.ID) > lastId);
	if (fresh.length === 0) return null;
	state.cursor = { lastId: Math.max(...fresh.map((user) => Number(user.ID))) };
	return [ctx.helpers.returnJsonArray(fresh)];
}
