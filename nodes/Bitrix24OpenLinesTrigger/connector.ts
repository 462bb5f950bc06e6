import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Bitrix24Client } from '../shared/bitrix24/client';
import {
	registerConnector,
	setConnectorActive,
	svgIcon,
} from '../shared/bitrix24/openLines/connector';
import { connectorOf, handlerUrl, linesOf } from './settings';

/*
 * "Set Up Connector on Activation": activation registers the connector when the portal does not
 * have it and activates it on the Lines where it is not active; the node's static data (kept by
 * n8n across restarts) remembers what activation added, and deactivation removes exactly that.
 */

interface SetUp extends IDataObject {
	/** The connector activation set up. */
	connector?: string;
	/** The connector activation registered. */
	registered?: string;
	/** The lines activation switched the connector on for. */
	activated?: number[];
}

const setUpOf = (ctx: IHookFunctions): SetUp => {
	const data = ctx.getWorkflowStaticData('node');
	data.connectorSetUp ??= {};
	return data.connectorSetUp as SetUp;
};

export const wantsSetUp = (ctx: IHookFunctions) =>
	ctx.getNodeParameter('setUpConnector', false) === true;

/** The Lines the connector must be active on; set up needs at least one. */
function setUpLines(ctx: IHookFunctions): number[] {
	const lines = linesOf(ctx);
	if (lines.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Lines is empty', {
			description:
				'"Set Up Connector on Activation" activates the connector on the Lines: give their IDs.',
		});
	}
	return lines;
}

/** The lines among `lines` where the connector works, by imconnector.status (one batch). */
async function activeLines(client: Bitrix24Client, connector: string, lines: number[]) {
	const results = await client.batch(
		lines.map((line) => ({
			key: `line${line}`,
			method: 'imconnector.status',
			params: { CONNECTOR: connector, LINE: line },
		})),
	);
	return new Set(
		lines.filter((line) => {
			const result = results.get(`line${line}`);
			return result?.ok && (result.result as IDataObject)?.STATUS === true;
		}),
	);
}

/** Whether the connector is registered and active on every line (n8n's checkExists). */
export async function isSetUp(ctx: IHookFunctions, client: Bitrix24Client): Promise<boolean> {
	const lines = setUpLines(ctx);
	return (await activeLines(client, connectorOf(ctx), lines)).size === lines.length;
}

/** Registers and activates what is missing, remembering it. */
export async function setUp(ctx: IHookFunctions, client: Bitrix24Client): Promise<void> {
	const connector = connectorOf(ctx);
	const lines = setUpLines(ctx);
	const done = setUpOf(ctx);
	done.connector = connector;
	const listed = Object.keys(((await client.call('imconnector.list')).result as IDataObject) ?? {});
	if (!listed.includes(connector)) {
		const icon = svgIcon(String(ctx.getNodeParameter('icon', '')));
		if (!icon.ok) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The connector icon is not a usable SVG: ${icon.reason}`,
				{
					description:
						'Bitrix24 draws connector icons only from SVG: paste SVG markup starting with <svg.',
				},
			);
		}
		await registerConnector(ctx, client, {
			id: connector,
			name: String(ctx.getNodeParameter('connectorName', '')).trim() || connector,
			icon: icon.value,
			placementHandler: handlerUrl(ctx),
		});
		done.registered = connector;
	}
	const active = await activeLines(client, connector, lines);
	for (const line of lines.filter((candidate) => !active.has(candidate))) {
		await setConnectorActive(client, connector, line, true);
		done.activated = [...new Set([...(done.activated ?? []), line])];
	}
}

/** Deactivates and unregisters what activation added; lines deleted meanwhile are skipped. */
export async function tearDown(ctx: IHookFunctions, client: Bitrix24Client): Promise<void> {
	const done = setUpOf(ctx);
	const connector = done.connector;
	if (!connector) return;
	for (const line of done.activated ?? []) {
		try {
			await setConnectorActive(client, connector, line, false);
		} catch {
			// The line may be gone; nothing is left to switch off there.
		}
	}
	if (done.registered) await client.call('imconnector.unregister', { ID: done.registered });
	delete ctx.getWorkflowStaticData('node').connectorSetUp;
}
