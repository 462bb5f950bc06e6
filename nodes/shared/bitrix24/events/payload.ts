import type { IDataObject } from 'n8n-workflow';

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const numberOrText = (value: unknown) =>
	typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string);

/** The auth block without tokens: what may appear in an output. */
export function portalOf(auth: unknown): IDataObject {
	const portal: IDataObject = {};
	if (!isObject(auth)) return portal;
	for (const key of ['domain', 'member_id', 'client_endpoint', 'server_endpoint', 'user_id']) {
		if (typeof auth[key] === 'string' && auth[key] !== '') portal[key] = auth[key];
	}
	return portal;
}

/** What every event output starts with: the event, its handler, when and from which portal. */
export function eventBasics(event: string, body: IDataObject): IDataObject {
	const seconds = Number(body.ts);
	return {
		event,
		handlerId: numberOrText(body.event_handler_id),
		timestamp:
			Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : undefined,
		portal: portalOf(body.auth),
	};
}

/** The `data` block of an event body. */
export const eventData = (body: IDataObject): IDataObject => (isObject(body.data) ? body.data : {});
