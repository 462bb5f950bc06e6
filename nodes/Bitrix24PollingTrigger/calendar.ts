import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import type { Bitrix24Client } from '../shared/bitrix24/client';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Calendar events: calendar.event.get lists one calendar over a date range, with no filter by
 * change. The trigger watches a window (a month back, a year ahead) and remembers each event's
 * VERSION, which Bitrix24 raises on every change.
 */
export async function pollCalendar(
	ctx: IPollFunctions,
	client: Bitrix24Client,
	mode: 'created' | 'createdOrUpdated',
): Promise<INodeExecutionData[][] | null> {
	const type = ctx.getNodeParameter('calendarType', 'user') as string;
	const ownerId =
		type === 'company_calendar' ? 0 : Number(ctx.getNodeParameter('calendarOwnerId', 1));
	const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
	const events = ((
		await client.call('calendar.event.get', {
			type,
			ownerId,
			from: day(-31),
			to: day(366),
		})
	).result ?? []) as IDataObject[];
	if (ctx.getMode() === 'manual') {
		const latest = [...events].sort((a, b) => Number(b.ID) - Number(a.ID))[0];
		return latest ? [ctx.helpers.returnJsonArray([latest])] : null;
	}

	const versionOf = (event: IDataObject) => String(event.VERSION ?? event.TIMESTAMP_X ?? '');
	const state = ctx.getWorkflowStaticData('node') as {
		key?: string;
		versions?: Record<string, string>;
	};
	const key = `calendar:${type}:${ownerId}:${mode}`;
	const firstRun = state.key !== key || !state.versions;
	const known = firstRun ? {} : (state.versions as Record<string, string>);
	const fresh = events.filter((event) => {
		const seen = known[String(event.ID)];
		return seen === undefined || (mode === 'createdOrUpdated' && seen !== versionOf(event));
	});
	state.key = key;
	state.versions = Object.fromEntries(events.map((event) => [String(event.ID), versionOf(event)]));
	if (firstRun && !ctx.getNodeParameter('includeExisting', false)) return null;
	return fresh.length ? [ctx.helpers.returnJsonArray(fresh)] : null;
}
