import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Bitrix24Client } from '../client';
import type { Bitrix24Context } from '../transport';
import type { Checked } from '../events/formBody';

/*
 * An Open Lines connector: how it is named, its icon, and its registration and activation on
 * lines. The Open Lines node registers connectors on request; the Open Lines Trigger can do it on
 * activation.
 */

/** What `imconnector.register` lets an app switch, with Bitrix24's defaults. */
export const CONNECTOR_FLAGS = {
	DEL_EXTERNAL_MESSAGES: true,
	EDIT_INTERNAL_MESSAGES: true,
	DEL_INTERNAL_MESSAGES: true,
	NEWSLETTER: true,
	NEED_SYSTEM_MESSAGES: true,
	NEED_SIGNATURE: true,
	CHAT_GROUP: false,
};

export type ConnectorFlag = keyof typeof CONNECTOR_FLAGS;

export interface ConnectorSpec {
	id: string;
	name: string;
	/** An SVG data URI (svgIcon). */
	icon: string;
	iconColor?: string;
	/** The URL Bitrix24 opens in a slider when an admin sets the connector up on a line. */
	placementHandler: string;
	flags?: Partial<Record<ConnectorFlag, boolean>>;
}

/** Bitrix24 lower-cases connector IDs and refuses a dot; letters, digits and _ are safe. */
export function connectorId(raw: unknown): Checked<string> {
	const id = String(raw ?? '')
		.trim()
		.toLowerCase();
	if (!id) return { ok: false, reason: 'the connector ID is empty' };
	if (id.includes('.')) return { ok: false, reason: `"${id}" has a dot, which Bitrix24 refuses` };
	if (!/^[a-z0-9_]+$/.test(id))
		return { ok: false, reason: `"${id}" may hold only letters, digits and _` };
	return { ok: true, value: id };
}

/** Icons are shown small: anything larger than this is not an icon. */
const MAX_ICON_BYTES = 64 * 1024;

/** The image formats people mistake for icons: their first bytes, and their data-URI type. */
const OTHER_IMAGES: Array<[string, (start: string) => boolean, RegExp]> = [
	['PNG', (start) => start.startsWith('\x89PNG'), /^data:image\/png/i],
	['JPEG', (start) => start.startsWith('\xFF\xD8\xFF'), /^data:image\/jpe?g/i],
	['GIF', (start) => start.startsWith('GIF8'), /^data:image\/gif/i],
	[
		'WebP',
		(start) => start.startsWith('RIFF') && start.slice(8, 12) === 'WEBP',
		/^data:image\/webp/i,
	],
	[
		'ICO',
		(start) => start.startsWith('\x00\x00\x01\x00'),
		/^data:image\/(x-icon|vnd\.microsoft\.icon)/i,
	],
];

/** Markup from an SVG data URI, or the text itself. */
function markupOf(text: string): Checked<string> {
	const dataUri = /^data:image\/svg\+xml(;[^,]*)?,(.*)$/is.exec(text);
	if (!dataUri) return { ok: true, value: text };
	try {
		const body = dataUri[2];
		return {
			ok: true,
			value: /;base64/i.test(dataUri[1] ?? '')
				? Buffer.from(body, 'base64').toString('utf8')
				: decodeURIComponent(body),
		};
	} catch {
		return { ok: false, reason: 'the SVG data URI is not properly encoded' };
	}
}

/**
 * A connector icon as Bitrix24 takes it: `data:image/svg+xml,` and the URL-encoded SVG. Takes SVG
 * markup (a file's bytes or text) or an SVG data URI; names what is wrong with anything else. A
 * missing `xmlns` is added (browsers draw an SVG data URI only with it); scripts and event
 * attributes are refused.
 */
export function svgIcon(input: string | Buffer): Checked<string> {
	const raw = Buffer.isBuffer(input) ? input.toString('latin1') : input;
	const start = raw.trimStart().slice(0, 40);
	const other = OTHER_IMAGES.find(([, magic, dataUri]) => magic(start) || dataUri.test(start));
	if (other)
		return {
			ok: false,
			reason: `it is a ${other[0]} image, and Bitrix24 takes connector icons only as SVG`,
		};
	if (raw.length > MAX_ICON_BYTES * 2)
		return { ok: false, reason: `it is larger than ${MAX_ICON_BYTES / 1024} KB` };
	const text = Buffer.isBuffer(input) ? input.toString('utf8') : input;
	const markup = markupOf(text.replace(/^\uFEFF/, '').trim());
	if (!markup.ok) return markup;
	const svg = markup.value.trim();
	if (Buffer.byteLength(svg) > MAX_ICON_BYTES)
		return { ok: false, reason: `it is larger than ${MAX_ICON_BYTES / 1024} KB` };
	// The root element after an optional XML declaration, comments and doctype.
	const prolog =
		/^(<\?xml[^>]*\?>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*/i.exec(svg)?.[0] ?? '';
	const root = svg.slice(prolog.length);
	if (!/^<svg[\s>/]/i.test(root))
		return { ok: false, reason: 'it does not start with an <svg> element' };
	if (!/(<\/svg>|^<svg[^>]*\/>)$/i.test(root))
		return { ok: false, reason: 'its <svg> element is not closed' };
	if (/<script[\s>]|\son[a-z]+\s*=|javascript:/i.test(root))
		return { ok: false, reason: 'it holds a script, which an icon must not' };
	const withNamespace = /^<svg[^>]*\sxmlns\s*=/i.test(root)
		? root
		: root.replace(/^<svg/i, '<svg xmlns="http://www.w3.org/2000/svg"');
	return { ok: true, value: `data:image/svg+xml,${encodeURIComponent(withNamespace)}` };
}

/** `imconnector.register`'s parameters. */
export function registrationParams(spec: ConnectorSpec): IDataObject {
	const icon: IDataObject = { DATA_IMAGE: spec.icon };
	if (spec.iconColor) icon.COLOR = spec.iconColor;
	return {
		ID: spec.id,
		NAME: spec.name,
		ICON: icon,
		PLACEMENT_HANDLER: spec.placementHandler,
		...spec.flags,
	};
}

/**
 * Registers a connector (again, to update it). Bitrix24 answers a refusal with HTTP 200 and
 * `{result: false, error}`, which becomes an error here.
 */
export async function registerConnector(
	ctx: Bitrix24Context,
	client: Bitrix24Client,
	spec: ConnectorSpec,
	itemIndex?: number,
): Promise<void> {
	const answer = (await client.call('imconnector.register', registrationParams(spec), itemIndex))
		.result as IDataObject | undefined;
	if (answer?.result === true) return;
	const code = String(answer?.error ?? 'UNKNOWN');
	throw new NodeOperationError(
		ctx.getNode(),
		`Bitrix24 did not register the connector "${spec.id}": ${String(answer?.error_description ?? code)} (${code})`,
		{
			itemIndex,
			description:
				code === 'APPLICATION_REGISTRATION_ERROR'
					? 'The ID may be taken by another app or by a built-in connector: choose another, with a prefix of your own.'
					: 'Check the connector ID (letters, digits and _), its name, its SVG icon and the placement handler URL.',
		},
	);
}

/** Switches a connector on or off on a line (`imconnector.activate`; ACTIVE=0 deactivates). */
export async function setConnectorActive(
	client: Bitrix24Client,
	connector: string,
	line: number,
	active: boolean,
	itemIndex?: number,
): Promise<void> {
	await client.call(
		'imconnector.activate',
		{ CONNECTOR: connector, LINE: line, ACTIVE: active ? 1 : 0 },
		itemIndex,
	);
}
